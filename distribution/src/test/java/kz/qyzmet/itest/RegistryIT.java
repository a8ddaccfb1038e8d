package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditRecord;

/**
 * The service registry on a real platform (Felix, Jetty 12, Aries JAX-RS, MariaDB):
 * a service bundle installed at runtime is listed with its endpoints, operators
 * disable and enable it (rules §29: the client is told the reason in kk, ru or
 * en), another node's change arrives within 2 s, every change is audited.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegistryIT {
    private static final String DEMO = "demo-offices";
    private static final String OFFICES = "services/demo-offices/offices";

    @Inject
    BundleContext context;

    private ItSupport platform;
    private Bundle demo;

    @Configuration
    public Option[] configuration() throws Exception {
        // poll every 1 s: the promise is "every node agrees within 2 seconds"
        return ItPlatform.options("registry", List.of("qyzmet-default"), Map.of("qyzmet.registry.poll.ms", "1000"));
    }

    @Before
    public void installDemoService() throws Exception {
        platform = new ItSupport(context);
        ItSupport.awaitChecked(Duration.ofSeconds(30), "catalog answers", () -> platform.get("catalog").statusCode() == 200);
        demo = context.installBundle(Path.of(System.getProperty("qyzmet.demo.bundle")).toUri().toString());
        demo.start();
        ItSupport.awaitChecked(Duration.ofSeconds(10), "demo service answers",
                () -> platform.get(OFFICES).statusCode() == 200);
    }

    @After
    public void uninstallDemoService() throws Exception {
        if (demo != null && demo.getState() != Bundle.UNINSTALLED) {
            demo.uninstall();
        }
        // forget the state a test gave the service; the next test starts from "enabled"
        DataSource dataSource = mainDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM registry_service_state WHERE service_id = '" + DEMO + "'");
        }
    }

    @Test
    public void catalogListsAnInstalledServiceAndForgetsItWhenUninstalled() throws Exception {
        JsonNode entry = platform.catalogEntry(DEMO);
        assertNotNull("catalog lists the installed service", entry);
        assertEquals("ADDITIONAL", entry.get("category").asText());
        assertEquals("Брокер кеңселері", entry.get("title").get("kk").asText());
        assertEquals("Офисы брокера", entry.get("title").get("ru").asText());
        assertEquals("Broker offices", entry.get("title").get("en").asText());
        assertEquals(demo.getVersion().toString(), entry.get("version").asText());
        assertEquals("ENABLED", entry.get("state").asText());
        assertEquals(2, ItSupport.json(platform.get(OFFICES)).get("offices").size());

        demo.uninstall();
        ItSupport.awaitChecked(Duration.ofSeconds(5), "catalog drops the service", () -> platform.catalogEntry(DEMO) == null);
        HttpResponse<String> gone = platform.get(OFFICES);
        assertEquals(404, gone.statusCode());
        assertEquals("application/problem+json;charset=UTF-8", gone.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    public void catalogSupportsConditionalRequests() throws Exception {
        HttpResponse<String> first = platform.get("catalog");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, platform.get("catalog", "If-None-Match", etag).statusCode());
        disable();
        HttpResponse<String> changed = platform.get("catalog", "If-None-Match", etag);
        assertEquals("a state change changes the ETag", 200, changed.statusCode());
    }

    /** Rules §29: a disabled service answers 503 with the operator's reason, in the client's language. */
    @Test
    public void disabledServiceAnswers503WithTheReasonInTheClientsLanguage() throws Exception {
        HttpResponse<String> change = disable();
        assertEquals(change.body(), 200, change.statusCode());
        assertEquals("DISABLED", ItSupport.json(change).get("state").asText());

        Map<String, String> reasons = Map.of("kk", "Кеңселер жөндеуге жабық", "ru", "Офисы закрыты на ремонт",
                "en", "Offices closed for repairs");
        for (Map.Entry<String, String> language : reasons.entrySet()) {
            HttpResponse<String> refused = platform.get(OFFICES, "Accept-Language", language.getKey());
            assertEquals(503, refused.statusCode());
            assertEquals("application/problem+json;charset=UTF-8", refused.headers().firstValue("Content-Type").orElse(""));
            JsonNode problem = ItSupport.json(refused);
            // one problem for every state in which a service cannot be used; its state says which
            assertEquals("https://qyzmet.kz/problems/service-unavailable", problem.get("type").asText());
            assertEquals("DISABLED", problem.get("state").asText());
            assertEquals(language.getValue(), problem.get("detail").asText());
            assertEquals(language.getKey(), problem.get("language").asText());
            assertEquals(DEMO, problem.get("serviceId").asText());
        }
        JsonNode russianByDefault = ItSupport.json(platform.get(OFFICES));
        assertEquals("Офисы закрыты на ремонт", russianByDefault.get("detail").asText());
        assertEquals("DISABLED", platform.catalogEntry(DEMO).get("state").asText());

        HttpResponse<String> enabled = platform.operatorPut("operator/services/" + DEMO + "/state", "{\"state\":\"ENABLED\"}");
        assertEquals(200, enabled.statusCode());
        assertEquals("enabling restores the service at once, without a restart", 200, platform.get(OFFICES).statusCode());
    }

    @Test
    public void stateChangesAreAudited() throws Exception {
        AuditJournal journal = context.getService(context.getServiceReference(AuditJournal.class));
        AuditRecord appeared = journal.findBySubject("service:" + DEMO, 1).get(0);
        assertEquals("registry.service.installed", appeared.event().type());
        assertEquals(demo.getVersion().toString(), appeared.event().details().get("version"));
        disable();
        List<AuditRecord> records = journal.findBySubject("service:" + DEMO, 5);
        AuditRecord change = records.get(0);
        assertEquals("registry.service.state-changed", change.event().type());
        assertEquals(ItSupport.ADMIN_LOGIN, change.event().actor());
        assertEquals("admin", change.event().actorRole());
        assertEquals("DISABLED", change.event().details().get("to"));
        assertEquals("ENABLED", change.event().details().get("from"));
        assertEquals("127.0.0.1", change.event().address());
        assertTrue("correlation id recorded", !change.event().correlationId().isEmpty());
    }

    @Test
    public void aDisablingWithoutAReasonInEveryLanguageIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> refused = platform.operatorPut("operator/services/" + DEMO + "/state",
                "{\"state\":\"DISABLED\",\"reason\":{\"ru\":\"Причина\"}}", "Accept-Language", "en");
        assertEquals(400, refused.statusCode());
        JsonNode problem = ItSupport.json(refused);
        assertEquals("https://qyzmet.kz/problems/validation", problem.get("type").asText());
        assertTrue(problem.get("detail").asText(), problem.get("detail").asText().contains("reason.kk, reason.en"));
        assertEquals("ENABLED", platform.catalogEntry(DEMO).get("state").asText());

        HttpResponse<String> unknownState = platform.operatorPut("operator/services/" + DEMO + "/state", "{\"state\":\"OFF\"}");
        assertEquals(400, unknownState.statusCode());
        assertEquals("state", ItSupport.json(unknownState).get("field").asText());

        HttpResponse<String> unknownField = platform.operatorPut("operator/services/" + DEMO + "/state",
                "{\"state\":\"ENABLED\",\"sate\":1}");
        assertEquals(400, unknownField.statusCode());

        HttpResponse<String> notJson = platform.operatorPut("operator/services/" + DEMO + "/state", "{state");
        assertEquals(400, notJson.statusCode());
        assertEquals("https://qyzmet.kz/problems/malformed-json", ItSupport.json(notJson).get("type").asText());

        HttpResponse<String> unknownService = platform.operatorPut("operator/services/no-such/state", "{\"state\":\"ENABLED\"}");
        assertEquals(404, unknownService.statusCode());
        assertEquals("https://qyzmet.kz/problems/unknown-service", ItSupport.json(unknownService).get("type").asText());
    }

    @Test
    public void operatorEndpointsRefuseCallersWithoutAnOperatorSession() throws Exception {
        HttpResponse<String> anonymous = platform.put("operator/services/" + DEMO + "/state", "{\"state\":\"DISABLED\"}");
        assertEquals(401, anonymous.statusCode());
        assertEquals("https://qyzmet.kz/problems/unauthenticated", ItSupport.json(anonymous).get("type").asText());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> forgedToken = platform.get("operator/services", "Authorization", "Bearer wrong");
        assertEquals(401, forgedToken.statusCode());
        assertEquals(200, platform.operatorGet("operator/services").statusCode());

        AuditJournal journal = context.getService(context.getServiceReference(AuditJournal.class));
        AuditRecord denied = journal.findBySubject("operator-api", 1).get(0);
        assertEquals("security.operator.denied", denied.event().type());
        assertEquals("not-authenticated", denied.event().details().get("reason"));
    }

    @Test
    public void operatorsSeeBundleVersionAndState() throws Exception {
        JsonNode services = ItSupport.json(platform.operatorGet("operator/services")).get("services");
        JsonNode entry = null;
        for (JsonNode service : services) {
            if (service.get("id").asText().equals(DEMO)) {
                entry = service;
            }
        }
        assertNotNull(entry);
        assertEquals("qyzmet.service.demo", entry.get("bundle").asText());
        assertEquals(demo.getVersion().toString(), entry.get("version").asText());
        assertEquals("ENABLED", entry.get("state").asText());
    }

    /** Another node shares the database: its change reaches this node within 2 seconds. */
    @Test
    public void aChangeMadeByAnotherNodeArrivesWithinTwoSeconds() throws Exception {
        DataSource dataSource = mainDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO registry_service_state (service_id, state, reason_kk, reason_ru, reason_en,"
                    + " changed_at, changed_by) VALUES ('" + DEMO + "', 'MAINTENANCE', 'Жаңарту', 'Обновление', 'Upgrade',"
                    + " UTC_TIMESTAMP(6), 'node-2') ON DUPLICATE KEY UPDATE state = 'MAINTENANCE', reason_kk = 'Жаңарту',"
                    + " reason_ru = 'Обновление', reason_en = 'Upgrade', changed_by = 'node-2'");
        }
        Duration seen = ItSupport.awaitChecked(Duration.ofSeconds(2), "maintenance set by another node is seen",
                () -> platform.get(OFFICES).statusCode() == 503);
        HttpResponse<String> refused = platform.get(OFFICES, "Accept-Language", "en");
        assertEquals("https://qyzmet.kz/problems/service-unavailable", ItSupport.json(refused).get("type").asText());
        assertEquals("MAINTENANCE", ItSupport.json(refused).get("state").asText());
        assertEquals("Upgrade", ItSupport.json(refused).get("detail").asText());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        System.out.println("another node's change seen after " + seen.toMillis() + " ms");
    }

    /** Rules §45.1: the journal cannot be edited or shortened, not even by SQL. */
    @Test
    public void theAuditJournalRefusesUpdatesAndDeletes() throws Exception {
        disable();
        DataSource dataSource = mainDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String tampering : List.of("UPDATE audit_event SET actor = 'someone-else'", "DELETE FROM audit_event")) {
                try {
                    statement.executeUpdate(tampering);
                    fail("the database accepted: " + tampering);
                } catch (SQLException refused) {
                    assertTrue(refused.getMessage(), refused.getMessage().contains("append-only"));
                }
            }
        }
    }

    private DataSource mainDataSource() throws Exception {
        return /* the administrator: the platform's own account may not even try (§45) */ ItSupport.administrator(context, "");
    }

    private HttpResponse<String> disable() throws Exception {
        return platform.operatorPut("operator/services/" + DEMO + "/state",
                "{\"state\":\"DISABLED\",\"reason\":{\"kk\":\"Кеңселер жөндеуге жабық\",\"ru\":\"Офисы закрыты на ремонт\","
                        + "\"en\":\"Offices closed for repairs\"}}");
    }
}
