package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Client records over the operator API on a real MariaDB (rules §16): full
 * history kept by system versioning, search by current and former data in any
 * combination, sorting and paging, saved searches per operator, a record as it
 * was on a given date.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ClientsIT {
    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("clients", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void platformAnswers() throws Exception {
        platform = new ItSupport(context);
        ItSupport.awaitChecked(Duration.ofSeconds(30), "catalog answers", () -> platform.get("catalog").statusCode() == 200);
    }

    private JsonNode create(String taxId, String name, String phone) throws Exception {
        HttpResponse<String> created = platform.operatorPost("operator/clients", "{\"kind\":\"INDIVIDUAL\",\"taxId\":\"" + taxId
                + "\",\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"email\":\"client@example.kz\",\"taxResidency\":\"KZ\"}");
        assertEquals(created.body(), 200, created.statusCode());
        return ItSupport.json(created);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Rules §16.1: a change keeps the former data, and a search by it still finds the client. */
    @Test
    public void aChangedNameIsKeptInTheHistoryAndFindsTheClient() throws Exception {
        JsonNode client = create("860515301234", "Ахметова Айгерим Серікқызы", "+77011234567");
        String id = client.get("id").asText();
        String firstVersionSince = client.get("since").asText();
        HttpResponse<String> changed = platform.operatorPut("operator/clients/" + id,
                "{\"name\":\"Нұрланова Айгерим Серікқызы\",\"phone\":\"+77017654321\"}");
        assertEquals(changed.body(), 200, changed.statusCode());
        assertEquals("Нұрланова Айгерим Серікқызы", ItSupport.json(changed).get("data").get("name").asText());

        JsonNode versions = ItSupport.json(platform.operatorGet("operator/clients/" + id + "/history")).get("versions");
        assertEquals(2, versions.size());
        assertEquals("Ахметова Айгерим Серікқызы", versions.get(0).get("data").get("name").asText());
        assertTrue(versions.get(1).get("to").isNull());

        JsonNode then = ItSupport.json(platform.operatorGet("operator/clients/" + id + "?asOf=" + q(firstVersionSince)));
        assertEquals("rules §16.2: the record as it was", "Ахметова Айгерим Серікқызы", then.get("data").get("name").asText());
        assertEquals("+77011234567", then.get("data").get("phone").asText());

        JsonNode current = ItSupport.json(platform.operatorGet("operator/clients?name=" + q("Ахметова")));
        assertEquals("the current data no longer match", 0, current.get("total").asInt());
        JsonNode former = ItSupport.json(platform.operatorGet("operator/clients?former=true&name=" + q("Ахметова")));
        assertEquals(1, former.get("total").asInt());
        assertEquals("the client is found with the current data", "Нұрланова Айгерим Серікқызы",
                former.get("clients").get(0).get("data").get("name").asText());
        JsonNode byOldPhone = ItSupport.json(platform.operatorGet("operator/clients?former=true&phone=" + q("1234567")));
        assertEquals(id, byOldPhone.get("clients").get(0).get("id").asText());

        JsonNode trail = ItSupport.json(platform.operatorGet("operator/audit?subject=client:" + id)).get("records");
        JsonNode change = trail.get(0);
        assertEquals("clients.client.changed", change.get("type").asText());
        assertEquals(ItSupport.ADMIN_LOGIN, change.get("actor").asText());
        assertEquals(64, change.get("details").get("before.sha256").asText().length());
        assertTrue("before and after differ", !change.get("details").get("before.sha256").asText()
                .equals(change.get("details").get("after.sha256").asText()));
        assertTrue("no personal data in the journal", !change.toString().contains("Ахметова"));
    }

    @Test
    public void searchCombinesCriteriaSortsByAnyFieldAndPages() throws Exception {
        create("900101300126", "Бекова Дана", "+77020000001");
        create("951231400568", "Бекова Алия", "+77020000002");
        create("040323500788", "Бекова Жанар", "+77020000003");
        JsonNode sorted = ItSupport.json(platform.operatorGet("operator/clients?name=" + q("Бекова") + "&taxResidency=KZ&sort=-name&limit=2"));
        assertEquals(3, sorted.get("total").asInt());
        assertEquals(2, sorted.get("clients").size());
        assertEquals("Бекова Жанар", sorted.get("clients").get(0).get("data").get("name").asText());
        assertEquals("Бекова Дана", sorted.get("clients").get(1).get("data").get("name").asText());
        JsonNode next = ItSupport.json(platform.operatorGet("operator/clients?name=" + q("Бекова") + "&sort=-name&limit=2&offset=2"));
        assertEquals("Бекова Алия", next.get("clients").get(0).get("data").get("name").asText());
        JsonNode byPhone = ItSupport.json(platform.operatorGet("operator/clients?name=" + q("Бекова") + "&phone=0000002"));
        assertEquals(1, byPhone.get("total").asInt());

        HttpResponse<String> unknownField = platform.operatorGet("operator/clients?password=x", "Accept-Language", "en");
        assertEquals(400, unknownField.statusCode());
        assertEquals("password", ItSupport.json(unknownField).get("field").asText());
        assertEquals(400, platform.operatorGet("operator/clients?sort=secret").statusCode());
    }

    @Test
    public void operatorsKeepTheirOwnSavedSearches() throws Exception {
        create("100440001230", "Сақтаулы Ерлан", "+77030000001");
        HttpResponse<String> saved = platform.operatorPost("operator/clients/searches", "{\"name\":\"Сақтаулы\",\"query\":"
                + "{\"criteria\":{\"name\":\"Сақтаулы\"},\"includeFormer\":true,\"sort\":[\"name\"],\"limit\":10,\"offset\":0}}");
        assertEquals(saved.body(), 200, saved.statusCode());
        long id = ItSupport.json(saved).get("id").asLong();
        JsonNode mine = ItSupport.json(platform.operatorGet("operator/clients/searches")).get("searches");
        assertTrue(mine.size() >= 1);
        JsonNode results = ItSupport.json(platform.operatorGet("operator/clients/searches/" + id + "/results"));
        assertEquals(1, results.get("total").asInt());
        assertEquals(409, platform.operatorPost("operator/clients/searches", "{\"name\":\"Сақтаулы\",\"query\":"
                + "{\"criteria\":{},\"includeFormer\":false,\"sort\":[],\"limit\":10,\"offset\":0}}").statusCode());
    }

    @Test
    public void invalidOrDuplicateClientsAreRefusedByField() throws Exception {
        create("123456007893", "Бірегей Клиент", "+77040000001");
        HttpResponse<String> duplicate = platform.operatorPost("operator/clients",
                "{\"kind\":\"INDIVIDUAL\",\"taxId\":\"123456007893\",\"name\":\"Басқа\"}");
        assertEquals(409, duplicate.statusCode());
        HttpResponse<String> invalid = platform.operatorPost("operator/clients",
                "{\"kind\":\"INDIVIDUAL\",\"taxId\":\"123456007890\",\"name\":\"X\",\"phone\":\"8701\",\"email\":\"no\"}",
                "Accept-Language", "en");
        assertEquals(400, invalid.statusCode());
        JsonNode problem = ItSupport.json(invalid);
        assertEquals("Invalid client data: taxId, phone, email.", problem.get("detail").asText());
    }
}
