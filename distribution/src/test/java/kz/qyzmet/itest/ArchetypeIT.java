package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.launcher.Platform;

/**
 * The SDK as a team outside this repository uses it (issue #12): the SDK is
 * installed into the local Maven repository, a service is generated from the
 * archetype, built with {@code mvn package} outside the reactor, uploaded to a
 * running platform and used as a client would (request → code → executed);
 * then upgraded with a second migration, broken by a failing one (FAILED, 503,
 * fixed and repaired), and removed.
 */
public class ArchetypeIT {
    private static final String ID = "income-certificate";
    private static final String REQUESTS = "services/" + ID + "/requests";
    /** The SDK's last release, in sdk/repository. */
    private static final String RELEASE = "1.0.0";
    private static final String RELEASED_ID = "tax-residence";

    private static final Path ROOT = Path.of(System.getProperty("qyzmet.root")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("qyzmet.it.target"), "it-archetype-project").toAbsolutePath();

    private static double mvn(Path directory, String... arguments) throws Exception {
        return NestedMaven.quietly(directory, arguments);
    }

    @Test
    public void aGeneratedServiceBuildsOutsideServesUpgradesFailsIsRepairedAndIsRemoved() throws Exception {
        ItPlatform.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        // the SDK: the root POM, BOM, parent, archetype and the API bundles, nothing of the platform itself
        double install = mvn(ROOT, "-o", "install", "-DskipTests", "-Dbnd.baseline.skip=true", "-pl",
                ".,sdk/qyzmet-bom,sdk/qyzmet-service-parent,sdk/qyzmet-service-test,sdk/qyzmet-service-archetype,"
                        + "bundles/qyzmet.common.api,"
                        + "bundles/qyzmet.rest.api,bundles/qyzmet.servicekit.api,bundles/qyzmet.registry.api,"
                        + "bundles/qyzmet.instructions.api,bundles/qyzmet.documents.api,bundles/qyzmet.ledger.api,"
                        + "bundles/qyzmet.clients.api,bundles/qyzmet.persistence.api,bundles/qyzmet.auth.api,"
                        + "bundles/qyzmet.audit.api,bundles/qyzmet.jobs.api");
        long newcomer = System.nanoTime();
        double generate = mvn(WORK, System.getProperty("qyzmet.archetype.plugin") + ":generate", "-DinteractiveMode=false",
                "-DarchetypeGroupId=kz.qyzmet", "-DarchetypeArtifactId=qyzmet-service-archetype",
                "-DarchetypeVersion=" + System.getProperty("qyzmet.version"), "-DgroupId=kz.example", "-DartifactId=" + ID, "-Dversion=1.0.0",
                "-Dpackage=kz.example.income", "-DserviceId=" + ID, "-DserviceName=IncomeCertificate",
                "-Dschema=income_certificate", "-DqyzmetVersion=" + System.getProperty("qyzmet.version"));
        Path project = WORK.resolve(ID);
        double build = mvn(project, "-o", "package");
        Path jar = project.resolve("target/" + ID + "-1.0.0.jar");
        assertTrue("mvn package made the bundle", Files.isRegularFile(jar));
        // its own integration test, on the harness: the platform started from its jar, the bundle deployed, a client
        double verified = mvn(project, "-o", "verify", "-Dqyzmet.platform.jar=" + System.getProperty("qyzmet.platform.jar"));
        assertTrue("the generated IT ran", Files.isRegularFile(project.resolve(
                "target/failsafe-reports/TEST-kz.example.income.internal.IncomeCertificateServiceIT.xml")));
        System.out.printf("SDK: the generated service's own IT on the harness took %.1f s%n", verified);

        Path releasedJar = buildOnTheReleasedSdk();

        LauncherSupport launcher = new LauncherSupport("archetype");
        try (Platform platform = launcher.start()) {
            HttpResponse<String> uploaded = launcher.upload(jar);
            assertEquals(uploaded.body(), 201, uploaded.statusCode());
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the generated service is in the catalog",
                    () -> launcher.get("catalog").body().contains("\"" + ID + "\""));
            // the generated IT's own run (its own platform) is not part of a newcomer's path to a deployed service
            double deployed = (System.nanoTime() - newcomer) / 1e9 - verified;
            System.out.printf("SDK: installed in %.1f s (populated local repository); generated in %.1f s, built in %.1f s;"
                    + " from nothing to a deployed service %.1f s%n", install, generate, build, deployed);

            String token = securitySession(launcher);
            requestAndConfirm(launcher, token, REQUESTS, "{\"text\":\"for the bank\"}");
            HttpResponse<String> refused = launcher.as(token, "POST", REQUESTS, "{\"text\":\"no\"}");
            assertEquals(400, refused.statusCode());

            // a service built on the released SDK runs on this platform: what baselining promises
            assertEquals(201, launcher.upload(releasedJar).statusCode());
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the service built on the release is in the catalog",
                    () -> launcher.get("catalog").body().contains("\"" + RELEASED_ID + "\""));
            requestAndConfirm(launcher, token, "services/" + RELEASED_ID + "/requests", "{\"text\":\"for the tax office\"}");

            // upgrade: a second version with one more migration
            Path migrations = project.resolve("src/main/resources/db/migration");
            Files.writeString(migrations.resolve("V3__note.sql"),
                    "ALTER TABLE income_certificate_done ADD COLUMN IF NOT EXISTS note VARCHAR(100) NULL;\n");
            Path upgraded = rebuild(project, "1.1.0");
            HttpResponse<String> upgrade = launcher.upload(upgraded);
            assertEquals(upgrade.body(), 200, upgrade.statusCode());
            assertEquals("3", schema(launcher).get("version").asText());

            // a failing migration: FAILED for clients (503), the error for operators, then fixed and repaired
            Files.writeString(migrations.resolve("V4__regions.sql"),
                    "ALTER TABLE income_certificate_done ADD COLUMN IF NOT EXISTS region VARCHAR(20) NULL;\n"
                            + "INSERT INTO income_certificate_regions (code) VALUES ('ALA');\n");
            assertEquals(200, launcher.upload(rebuild(project, "1.2.0")).statusCode());
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the service is FAILED",
                    () -> launcher.get("catalog").body().contains("\"FAILED\""));
            HttpResponse<String> unavailable = launcher.as(token, "GET", REQUESTS, null);
            assertEquals(unavailable.body(), 503, unavailable.statusCode());
            assertEquals("FAILED", ItSupport.JSON.readTree(unavailable.body()).get("state").asText());
            assertTrue(schema(launcher).get("error").asText().contains("income_certificate_regions"));
            Files.writeString(migrations.resolve("V4__regions.sql"),
                    "ALTER TABLE income_certificate_done ADD COLUMN IF NOT EXISTS region VARCHAR(20) NULL;\n");
            assertEquals(200, launcher.upload(rebuild(project, "1.2.1")).statusCode());
            assertEquals("the failed attempt stays until the repair", "FAILED", schema(launcher).get("status").asText());
            HttpResponse<String> repaired = launcher.operator("POST", "operator/bundles/" + ID + "/repair", "{}");
            assertEquals(repaired.body(), 200, repaired.statusCode());
            assertEquals("4", schema(launcher).get("version").asText());
            ItSupport.awaitChecked(Duration.ofSeconds(5), "the service answers again",
                    () -> launcher.as(token, "GET", REQUESTS, null).statusCode() == 200);

            HttpResponse<String> removed = launcher.operator("DELETE", "operator/bundles/" + ID, null);
            assertEquals(removed.body(), 204, removed.statusCode());
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the service leaves the catalog",
                    () -> !launcher.get("catalog").body().contains("\"" + ID + "\""));
            assertEquals(404, launcher.as(token, "GET", REQUESTS, null).statusCode());
        }
    }

    /**
     * The SDK as released: a team outside names the published repository
     * ({@code sdk/repository}; a broker serves the same directory over HTTPS) in
     * its Maven settings, generates from the released archetype and builds.
     * Nothing of this repository is built or installed for it.
     */
    private static Path buildOnTheReleasedSdk() throws Exception {
        Path work = WORK.resolve("released");
        Files.createDirectories(work);
        String repository = ROOT.resolve("sdk/repository").toUri().toString();
        StringBuilder repositories = new StringBuilder();
        for (String id : List.of("archetype", "qyzmet-sdk")) {
            // the archetype plugin looks for its archetypes in the repository with the id "archetype"
            repositories.append("<repository><id>").append(id).append("</id><url>").append(repository)
                    .append("</url></repository>");
        }
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, "<settings><profiles><profile><id>qyzmet</id><repositories>" + repositories
                + "</repositories></profile></profiles><activeProfiles><activeProfile>qyzmet</activeProfile>"
                + "</activeProfiles></settings>\n");
        double generate = mvn(work, "-s", settings.toString(), System.getProperty("qyzmet.archetype.plugin") + ":generate",
                "-DinteractiveMode=false", "-DarchetypeGroupId=kz.qyzmet", "-DarchetypeArtifactId=qyzmet-service-archetype",
                "-DarchetypeVersion=" + RELEASE, "-DgroupId=kz.example", "-DartifactId=" + RELEASED_ID, "-Dversion=1.0.0",
                "-Dpackage=kz.example.tax", "-DserviceId=" + RELEASED_ID, "-DserviceName=TaxResidence",
                "-Dschema=tax_residence", "-DqyzmetVersion=" + RELEASE);
        Path project = work.resolve(RELEASED_ID);
        double build = mvn(project, "-s", settings.toString(), "-o", "package");
        System.out.printf("SDK: on the released SDK %s (sdk/repository), generated in %.1f s, built in %.1f s%n", RELEASE,
                generate, build);
        Path jar = project.resolve("target/" + RELEASED_ID + "-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar));
        return jar;
    }

    /** A request to a service on the kit, confirmed with the code from the dev outbox: it executes. */
    private static void requestAndConfirm(LauncherSupport launcher, String token, String requests, String body)
            throws Exception {
        HttpResponse<String> created = launcher.as(token, "POST", requests, body);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode submission = ItSupport.JSON.readTree(created.body());
        HttpResponse<String> confirmed = launcher.as(token, "POST", requests + "/"
                + submission.get("instruction").get("id").asText() + "/confirm", "{\"challengeId\":\""
                + submission.get("confirmation").get("challengeId").asText() + "\",\"code\":\"" + latestCode(launcher, token)
                + "\"}");
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertEquals("EXECUTED", ItSupport.JSON.readTree(confirmed.body()).get("status").asText());
    }

    private static Path rebuild(Path project, String version) throws Exception {
        Path pom = project.resolve("pom.xml");
        String text = Files.readString(pom);
        Files.writeString(pom, text.replaceFirst("<version>1\\.[0-9]\\.[0-9]</version>(\\s*<name>)", "<version>" + version
                + "</version>$1"));
        mvn(project, "-o", "package");
        Path jar = project.resolve("target/" + ID + "-" + version + ".jar");
        assertTrue(Files.isRegularFile(jar));
        return jar;
    }

    private static JsonNode schema(LauncherSupport launcher) throws Exception {
        // right after a deployment the API's application is being rebuilt: the platform says 503, come back (Retry-After)
        java.util.List<HttpResponse<String>> answer = new java.util.ArrayList<>();
        ItSupport.awaitChecked(Duration.ofSeconds(10), "operator/bundles answers", () -> {
            HttpResponse<String> view = launcher.operator("GET", "operator/bundles/" + ID, null);
            if (view.statusCode() != 503) {
                assertEquals(view.body(), 200, view.statusCode());
                answer.add(view);
                return true;
            }
            return false;
        });
        JsonNode bundle = ItSupport.JSON.readTree(answer.get(0).body());
        assertNotNull(bundle.get("schemas"));
        return bundle.get("schemas").get(0);
    }

    /** The dev-mode client DEMO-0001 in a security session (§35.1): login, the code from the outbox, a new token. */
    private static String securitySession(LauncherSupport launcher) throws Exception {
        String token = launcher.login("aigerim", "Steppe-Trial-2026").get("token").asText();
        assertEquals(202, launcher.as(token, "POST", "auth/security-session/code", "{\"channel\":\"sms\"}").statusCode());
        HttpResponse<String> opened = launcher.as(token, "POST", "auth/security-session", "{\"code\":\""
                + latestCode(launcher, token) + "\",\"biometrics\":true}");
        assertEquals(opened.body(), 200, opened.statusCode());
        return ItSupport.JSON.readTree(opened.body()).get("token").asText();
    }

    /** The newest code the dev outbox shows this session. */
    private static String latestCode(LauncherSupport launcher, String token) throws Exception {
        JsonNode messages = ItSupport.JSON.readTree(launcher.as(token, "GET", "dev/outbox", null).body()).get("messages");
        assertTrue("the outbox has a code for the session", messages.size() > 0);
        return messages.get(0).get("text").asText().substring(0, 6);
    }
}
