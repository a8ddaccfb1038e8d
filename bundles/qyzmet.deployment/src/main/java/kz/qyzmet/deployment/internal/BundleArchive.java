package kz.qyzmet.deployment.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Version;

/** A bundle jar as it arrived: its bytes, their SHA-256, and the identity its manifest gives. */
record BundleArchive(byte[] content, String sha256, String symbolicName, Version version) {

    /** Reads the manifest; refuses what is not an OSGi bundle with a symbolic name and a valid version. */
    static BundleArchive of(byte[] content) {
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content))) {
            manifest = jar.getManifest();
        } catch (IOException | SecurityException e) {
            throw new DeploymentRefused("not-a-jar", "the file is not a readable jar: " + e.getMessage());
        }
        if (manifest == null) {
            throw new DeploymentRefused("not-a-bundle", "the jar has no manifest");
        }
        Attributes main = manifest.getMainAttributes();
        String name = main.getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            throw new DeploymentRefused("not-a-bundle", "the manifest has no Bundle-SymbolicName: not an OSGi bundle");
        }
        String symbolicName = name.split(";")[0].strip();
        Version version;
        try {
            version = Version.parseVersion(main.getValue("Bundle-Version"));
        } catch (IllegalArgumentException e) {
            throw new DeploymentRefused("bad-version", "Bundle-Version is not a version: " + main.getValue("Bundle-Version"));
        }
        return new BundleArchive(content, sha256(content), symbolicName, version);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
