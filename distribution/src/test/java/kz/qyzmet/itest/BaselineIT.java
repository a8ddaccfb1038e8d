package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

/**
 * Released API versions mean something (issue #12): every API bundle is compared
 * by bnd with its last release in {@code sdk/repository}, so a change that
 * breaks what a package version promises fails the build until the version says
 * so. Shown on a copy of {@code qyzmet.common.api} built against the real root
 * POM: a public method removed under the released package version fails; so
 * does the package's next major version in a bundle of the same version; with
 * both raised (a major platform version) it builds.
 */
public class BaselineIT {
    private static final Path ROOT = Path.of(System.getProperty("qyzmet.root")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("qyzmet.it.target"), "it-baseline").toAbsolutePath();
    private static final String PACKAGE = "src/main/java/kz/qyzmet/common/api/";

    @Test
    public void anIncompatibleApiChangeFailsTheBuildUntilItsVersionSaysSo() throws Exception {
        Path module = copyOfCommonApi();
        Path text = module.resolve(PACKAGE + "LocalizedText.java");
        String source = Files.readString(text);
        int method = source.indexOf("    public boolean isComplete()");
        assertTrue("the method the test removes is there", method > 0);
        int end = source.indexOf("\n    }\n", method) + "\n    }\n".length();
        Files.writeString(text, source.substring(0, method) + source.substring(end));

        NestedMaven.Run broken = NestedMaven.run(module, "-o", "verify");
        assertNotEquals("a removed public method under the released version fails:\n" + broken.output(), 0, broken.exitCode());
        assertTrue("bnd names the package, what changed and the version it needs:\n" + broken.output(), broken.output()
                .matches("(?s).*\\* kz\\.qyzmet\\.common\\.api +PACKAGE +MAJOR +[0-9.]+ +1\\.0\\.0 +2\\.0\\.0.*REMOVED +METHOD +isComplete\\(\\).*"));

        // the package says so, and so does the bundle: a breaking API change goes out in a major platform version
        Path packageInfo = module.resolve(PACKAGE + "package-info.java");
        Files.writeString(packageInfo, Files.readString(packageInfo).replaceFirst("Version\\(\"[0-9.]+\"\\)", "Version(\"2.0.0\")"));
        NestedMaven.Run packageOnly = NestedMaven.run(module, "-o", "verify");
        assertNotEquals("the bundle's own version must follow:\n" + packageOnly.output(), 0, packageOnly.exitCode());
        assertTrue(packageOnly.output(), packageOnly.output().contains("* qyzmet.common.api "));
        Path pom = module.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceFirst("(<artifactId>qyzmet.common.api</artifactId>)",
                "$1<version>2.0.0-SNAPSHOT</version>"));
        NestedMaven.Run versioned = NestedMaven.run(module, "-o", "verify");
        assertEquals("the same change with the major version it needs builds:\n" + versioned.output(), 0, versioned.exitCode());
        assertTrue(versioned.output(), versioned.output().contains("The baseline version was found to be 1.0.0"));
    }

    /** The module's sources and POM in a directory of their own, its parent the real root POM. */
    private static Path copyOfCommonApi() throws IOException {
        ItPlatform.deleteRecursively(WORK);
        Path source = ROOT.resolve("bundles/qyzmet.common.api");
        Path module = WORK.resolve("qyzmet.common.api");
        ItPlatform.copyTree(source.resolve("src"), module.resolve("src"));
        String pom = Files.readString(source.resolve("pom.xml"));
        String parent = module.relativize(ROOT.resolve("pom.xml")).toString();
        assertTrue(pom.contains("<relativePath>../../pom.xml</relativePath>"));
        Files.writeString(module.resolve("pom.xml"), pom.replace("<relativePath>../../pom.xml</relativePath>",
                "<relativePath>" + parent + "</relativePath>"));
        return module;
    }
}
