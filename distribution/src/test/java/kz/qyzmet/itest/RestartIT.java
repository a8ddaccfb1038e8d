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

    /**
     * Issue #15: a withdrawal confirmed (its amount and fee held) just before the
     * platform stops is sent and settled after the next start, from what the
     * database kept: the hold, the payment's row and its queued job.
     */
    @Test
    public void aWithdrawalHeldBeforeARestartIsSettledAfterIt() throws Exception {
        LauncherSupport launcher = new LauncherSupport("restart-withdrawal", settings -> settings
                .with("qyzmet.simulatedbank.delay.seconds", "3").with("qyzmet.withdrawal.status.poll.seconds", "1"));
        String id;
        java.math.BigDecimal before;
        try (Platform first = launcher.start()) {
            before = kzt(launcher, "available");
            String token = securitySession(launcher);
            HttpResponse<String> created = launcher.as(token, "POST", "services/withdrawal/requests",
                    "{\"amount\":\"1000\",\"currency\":\"KZT\"}");
            assertEquals(created.body(), 201, created.statusCode());
            com.fasterxml.jackson.databind.JsonNode submission = ItSupport.JSON.readTree(created.body());
            id = submission.get("instruction").get("id").asText();
            HttpResponse<String> confirmed = launcher.as(token, "POST", submission.get("confirmation").get("confirm").asText()
                    .replace("/api/v1/", ""), "{\"challengeId\":\"" + submission.get("confirmation").get("challengeId").asText()
                            + "\",\"code\":\"" + latestCode(launcher, token) + "\"}");
            assertEquals(confirmed.body(), "IN_WORK", ItSupport.JSON.readTree(confirmed.body()).get("status").asText());
            assertEquals("amount and fee are held", new java.math.BigDecimal("1200.00"), kzt(launcher, "held"));
        }
        try (Platform second = launcher.start()) {
            String token = securitySession(launcher);
            ItSupport.awaitChecked(Duration.ofSeconds(60), "the withdrawal is settled after the restart", () -> "EXECUTED"
                    .equals(ItSupport.JSON.readTree(launcher.as(token, "GET", "services/withdrawal/requests/" + id, null).body())
                            .get("status").asText()));
            assertEquals("no hold is left behind", 0, kzt(launcher, "held").signum());
            assertEquals("exactly amount and fee left the account", before.subtract(new java.math.BigDecimal("1200.00")),
                    kzt(launcher, "available"));
        }
    }

    /** The demo client's security session (§35.1), its codes read from the dev outbox. */
    private static String securitySession(LauncherSupport launcher) throws Exception {
        String token = launcher.login("aigerim", "Steppe-Trial-2026").get("token").asText();
        assertEquals(202, launcher.as(token, "POST", "auth/security-session/code", "{\"channel\":\"sms\"}").statusCode());
        HttpResponse<String> security = launcher.as(token, "POST", "auth/security-session", "{\"code\":\""
                + latestCode(launcher, token) + "\",\"biometrics\":true}");
        assertEquals(security.body(), 200, security.statusCode());
        return ItSupport.JSON.readTree(security.body()).get("token").asText();
    }

    private static String latestCode(LauncherSupport launcher, String token) throws Exception {
        return ItSupport.JSON.readTree(launcher.as(token, "GET", "dev/outbox", null).body()).get("messages").get(0).get("text")
                .asText().substring(0, 6);
    }

    private static java.math.BigDecimal kzt(LauncherSupport launcher, String which) throws Exception {
        for (com.fasterxml.jackson.databind.JsonNode balance : ItSupport.JSON.readTree(launcher.operator("GET",
                "operator/ledger/accounts/DEMO-0001/balances", null).body()).get("balances")) {
            if (balance.get("asset").asText().equals("KZT")) {
                return new java.math.BigDecimal(balance.get(which).asText()).setScale(2);
            }
        }
        throw new AssertionError("DEMO-0001 holds no tenge");
    }

    /**
     * Issue #11, item 5 (§4 demo mode must not hand out accounts): the dev outbox
     * shows a session the codes asked for in it, and nothing else; nobody reads a
     * code by naming a phone, and recovery codes (staff's included) never appear.
     * Item 3: the last administrator, locked out, gets back in through the data
     * directory ({@code java -jar qyzmet.jar reset-admin}).
     */
    @Test
    public void theDevOutboxShowsOnlyOwnCodesAndResetAdminLetsTheAdministratorBackIn() throws Exception {
        LauncherSupport launcher = new LauncherSupport("outbox");
        try (Platform platform = launcher.start()) {
            String admin = launcher.operatorToken(); // logs in with the code its own session sees in the outbox
            assertEquals("nobody looks codes up by phone", 401,
                    launcher.as(null, "GET", "dev/outbox?to=%2B77000000001", null).statusCode());

            String client = launcher.login("aigerim", "Steppe-Trial-2026").get("token").asText();
            assertEquals(202, launcher.as(client, "POST", "auth/security-session/code", "{\"channel\":\"sms\"}").statusCode());
            com.fasterxml.jackson.databind.JsonNode own = ItSupport.JSON.readTree(launcher.as(client, "GET", "dev/outbox", null).body());
            assertEquals("the client sees its own security-session code only", 1, own.get("messages").size());
            assertEquals("security", own.get("messages").get(0).get("purpose").asText());

            String adminId = ItSupport.JSON.readTree(launcher.as(admin, "GET", "auth/session", null).body()).get("identityId").asText();
            assertEquals(202, launcher.as(null, "POST", "auth/recovery", "{\"identifier\":\"+77000000001\"}").statusCode());
            assertEquals(202, launcher.as(null, "POST", "auth/recovery", "{\"identifier\":\"aigerim\"}").statusCode());
            // recovery is sent off the request path: once the journal has the administrator's code, it exists
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the recovery code is issued", () -> launcher.as(admin, "GET",
                    "operator/audit?subject=" + adminId + "&type=auth.code.issued", null).body().contains("\"RECOVERY\""));
            for (String token : new String[] { admin, client }) {
                String messages = launcher.as(token, "GET", "dev/outbox", null).body();
                assertTrue("no recovery code is ever shown: " + messages, !messages.contains("\"purpose\":\"recovery\""));
            }

            // the administrator locks itself out for good (its password void, no phone login for staff) …
            assertEquals(204, launcher.as(admin, "POST", "operator/identities/" + adminId + "/compromise",
                    "{\"reason\":\"lost laptop\"}").statusCode());
            assertEquals(401, launcher.as(null, "POST", "auth/login", "{\"identifier\":\"admin\",\"password\":\""
                    + ItSupport.ADMIN_PASSWORD + "\",\"client\":\"app\"}").statusCode());
            // … and whoever holds the data directory lets it back in
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            assertEquals(0, kz.qyzmet.launcher.ResetAdminCommand.run(launcher.settings, new String[] { "reset-admin" },
                    new java.io.PrintStream(printed, true), System.err));
            Path request = launcher.dataDir.resolve("secrets/admin-reset");
            ItSupport.await(Duration.ofSeconds(15), "the running platform applies the reset", () -> !Files.exists(request));
            String password = Files.readString(launcher.dataDir.resolve("secrets/admin-password")).strip();
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(launcher.dataDir.resolve("secrets/admin-password"))));
            com.fasterxml.jackson.databind.JsonNode back = launcher.login("admin", password);
            assertTrue("a reset password must be changed", back.get("session").get("passwordChangeRequired").asBoolean());
        }
    }
}
