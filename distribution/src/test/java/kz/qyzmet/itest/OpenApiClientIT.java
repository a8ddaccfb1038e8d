package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

import kz.qyzmet.launcher.Platform;
import kz.qyzmet.launcher.Settings;

/**
 * The OpenAPI document is good enough to build on (issue #12): a Java client is
 * generated from the running platform's {@code /api/v1/openapi.json} with
 * openapi-generator-maven-plugin in a project of its own, compiled, and its test
 * calls the platform with it — typed answers from end to end (the catalog, an app
 * login, a security session, an extract requested and confirmed). A schema that
 * does not match what the platform answers fails there, when the client reads it.
 */
public class OpenApiClientIT {
    private static final Path TEMPLATE = Path.of(System.getProperty("qyzmet.root"), "distribution/src/test/resources/openapi-client")
            .toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("qyzmet.it.target"), "it-openapi-client").toAbsolutePath();
    /** The versions the client project needs, pinned once in the root POM and handed over by the build. */
    private static final String[] VERSIONS = { "jackson.version", "jakarta.annotation.version", "junit5.version",
            "openapi.generator.version", "jsr305.version", "compiler.plugin.version", "surefire.plugin.version" };

    @Test
    public void aClientGeneratedFromTheDocumentCallsThePlatform() throws Exception {
        int plainPort = ItPlatform.freePort();
        LauncherSupport launcher = new LauncherSupport("openapi-client",
                settings -> settings.with(Settings.HTTP_PORT, String.valueOf(plainPort)));
        try (Platform platform = launcher.start()) {
            HttpResponse<String> document = launcher.get("openapi.json");
            assertEquals(200, document.statusCode());
            Path project = copyTemplate();
            Files.writeString(project.resolve("openapi.json"), document.body());
            // the plain listener on 127.0.0.1 (QYZMET_HTTP_PORT): the generated client needs no trust store
            NestedMaven.Run run = NestedMaven.run(project, "test", "-Dqyzmet.api=http://127.0.0.1:" + plainPort + "/api/v1");
            assertEquals("the generated client compiles and its calls succeed:\n" + run.output(), 0, run.exitCode());
            assertTrue(run.output(), run.output().contains("generated client: catalog, login, security session and a confirmed extract"));
            System.out.printf("OpenAPI client: generated, compiled and run against the platform in %.1f s%n", run.seconds());
        }
    }

    private static Path copyTemplate() throws IOException {
        ItPlatform.deleteRecursively(WORK);
        ItPlatform.copyTree(TEMPLATE, WORK);
        Path pom = WORK.resolve("pom.xml");
        String text = Files.readString(pom);
        for (String name : VERSIONS) {
            String value = System.getProperty("qyzmet.it." + name);
            assertTrue("the build hands over " + name, value != null && !value.isBlank());
            text = text.replace("@" + name + "@", value);
        }
        assertTrue("every version is filled in: " + text, !text.matches("(?s).*@[a-z0-9.]+@.*"));
        Files.writeString(pom, text);
        return WORK;
    }
}
