package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;

import kz.qyzmet.launcher.Platform;

/**
 * The launcher end to end, as {@code java -jar} runs it: the embedded MariaDB in
 * the data directory, the generated certificate, the default features. A stop
 * and a start on the same data directory keep the data, the service states and
 * the hot-deployed bundles.
 */
public class RestartIT {

    @Test
    public void aRestartKeepsDataStatesAndDeployedServices() throws Exception {
        LauncherSupport launcher = new LauncherSupport("restart");
        try (Platform first = launcher.start()) {
            // dev mode (§4): the sample client logs in at once with the password README publishes
            assertEquals("DEMO-0001", launcher.login("aigerim", "Steppe-Trial-2026").get("session").get("clientId").asText());
            Files.copy(Path.of(System.getProperty("qyzmet.demo.bundle")), launcher.dataDir.resolve("deploy/demo.jar"));
            ItSupport.awaitChecked(Duration.ofSeconds(10), "deployed service answers",
                    () -> launcher.get("services/demo-offices/offices").statusCode() == 200);
            HttpResponse<String> disabled = launcher.operator("PUT", "operator/services/demo-offices/state",
                    "{\"state\":\"DISABLED\",\"reason\":{\"kk\":\"Жабық\",\"ru\":\"Закрыто\",\"en\":\"Closed\"}}");
            assertEquals(disabled.body(), 200, disabled.statusCode());
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            assertEquals("java -jar qyzmet.jar verify-audit finds the journal intact", kz.qyzmet.launcher.VerifyAuditCommand.INTACT,
                    kz.qyzmet.launcher.VerifyAuditCommand.run(launcher.settings.with("qyzmet.operator.token", launcher.operatorToken()),
                            new java.io.PrintStream(printed, true)));
            assertTrue(printed.toString(), printed.toString().contains("\"secondStore\":true"));
        }
        assertTrue("the embedded database keeps its files", Files.isDirectory(launcher.dataDir.resolve("mariadb/data/qyzmet")));

        try (Platform second = launcher.start()) {
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the hot-deployed service is back, still disabled",
                    () -> launcher.get("services/demo-offices/offices").statusCode() == 503);
            HttpResponse<String> refused = launcher.get("services/demo-offices/offices");
            assertEquals("Закрыто", ItSupport.JSON.readTree(refused.body()).get("detail").asText());
            assertEquals("seeded once, still there", "DEMO-0002",
                    launcher.login("+77010000102", "Steppe-Trial-2026").get("session").get("clientId").asText());
        }
    }
}
