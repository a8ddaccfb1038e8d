package kz.qyzmet.deployment.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Which service bundles may run (issue #12): in production every entry of the
 * jar must be signed ({@code jarsigner}) by a certificate in the operators' trust
 * store, which is configured, never built in; in dev and demo an unsigned
 * bundle is accepted with a warning. A signature that does not verify is
 * refused in every mode.
 */
final class SignaturePolicy {
    private final boolean required;
    private final List<X509Certificate> trusted;

    SignaturePolicy(boolean required, List<X509Certificate> trusted) {
        this.required = required;
        this.trusted = List.copyOf(trusted);
    }

    static SignaturePolicy of(DeploymentConfiguration config, String mode) throws IOException, GeneralSecurityException {
        boolean development = "dev".equals(mode) || "demo".equals(mode);
        boolean required = switch (config.require_signatures().strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> !development;
        };
        List<X509Certificate> trusted = new ArrayList<>();
        if (!config.trust_store().isBlank()) {
            KeyStore store = KeyStore.getInstance(config.trust_store_type());
            try (InputStream in = Files.newInputStream(Path.of(config.trust_store()))) {
                store.load(in, config.trust_store_password().toCharArray());
            }
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    trusted.add(x509);
                }
            }
        }
        return new SignaturePolicy(required, trusted);
    }

    boolean required() {
        return required;
    }

    /**
     * The subject of the trusted signer, null for an unsigned bundle where that is
     * allowed; refuses anything else.
     */
    String check(byte[] content) {
        List<CodeSigner> common = null;
        boolean anyEntry = false;
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content), true)) {
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                // reading the entry to its end is what makes the JDK check its digest against the signature
                jar.transferTo(java.io.OutputStream.nullOutputStream());
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                anyEntry = true;
                CodeSigner[] signers = entry.getCodeSigners();
                List<CodeSigner> these = signers == null ? List.of() : List.of(signers);
                common = common == null ? new ArrayList<>(these) : retain(common, these);
            }
        } catch (SecurityException e) {
            throw new DeploymentRefused("bad-signature", "the jar's signature does not verify: " + e.getMessage());
        } catch (IOException e) {
            throw new DeploymentRefused("not-a-jar", "the jar cannot be read: " + e.getMessage());
        }
        if (!anyEntry || common == null || common.isEmpty()) {
            if (required) {
                throw new DeploymentRefused("unsigned", "production requires service bundles signed (jarsigner) by a key"
                        + " in the operators' trust store; this one is not signed, or not every entry is");
            }
            return null;
        }
        for (CodeSigner signer : common) {
            List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
            for (Certificate certificate : chain) {
                if (trusted.contains(certificate)) {
                    return ((X509Certificate) chain.get(0)).getSubjectX500Principal().getName();
                }
            }
        }
        String subject = ((X509Certificate) common.get(0).getSignerCertPath().getCertificates().get(0))
                .getSubjectX500Principal().getName();
        throw new DeploymentRefused("untrusted-signer", "signed by " + subject + ", which is not in the operators' trust store");
    }

    private static List<CodeSigner> retain(List<CodeSigner> common, List<CodeSigner> these) {
        common.retainAll(these);
        return common;
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase();
        return upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")
                || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-"))
                || upper.equals("META-INF/MANIFEST.MF");
    }
}
