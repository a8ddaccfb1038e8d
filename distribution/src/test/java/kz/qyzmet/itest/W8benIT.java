package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

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

import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientRecords;

/**
 * Form W-8BEN on the real platform (issue #16): submitted, signed with the code,
 * accepted by staff — the tax status on the client record, the form as a PDF —,
 * an invalid one refused naming its field, and the reminder before it expires
 * once the test moves the platform's clock (never by sleeping).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class W8benIT {
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());
    private static boolean clockRegistered;

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("w8ben", List.of("qyzmet-default"), Map.of("qyzmet.jobs.poll.millis", "200"));
    }

    @Before
    public void setUp() throws Exception {
        synchronized (W8benIT.class) {
            if (!clockRegistered) {
                ItSupport.registerClock(context, NOW);
                clockRegistered = true;
            }
        }
        platform = new ItSupport(context);
    }

    /** A resident of Kazakhstan born on 1990-01-01 (the IIN the test clients get starts 900101), with some lines changed. */
    private static String form(String iin, Map<String, String> changed) throws Exception {
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        lines.put("name", "Asel Zhumabayeva");
        lines.put("citizenship", "KZ");
        lines.put("residenceAddress", "Abay Ave 10, apt. 5");
        lines.put("residenceCity", "Almaty 050000");
        lines.put("residenceCountry", "KZ");
        lines.put("foreignTin", iin);
        lines.put("dateOfBirth", "1990-01-01");
        lines.put("treatyCountry", "KZ");
        lines.put("treatyArticle", "10(2)(b)");
        lines.put("treatyRate", "15");
        lines.put("treatyIncome", "dividends");
        lines.putAll(changed);
        return ItSupport.JSON.writeValueAsString(lines);
    }

    private ClientRecords records() {
        return context.getService(context.getServiceReference(ClientRecords.class));
    }

    @Test
    public void a_anAcceptedFormSetsTheTaxStatusAndItsReminderComesBeforeItExpires() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77012", "KZ86601A861000000001");
        String iin = records().find(client.clientId()).orElseThrow().data().taxId();
        HttpResponse<String> created = platform.post("services/w8ben/requests", form(iin, Map.of()), client.bearer("en"));
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue("the certification is shown before the code is asked",
                ItSupport.json(created).get("instruction").get("summary").asText().contains("Under penalties of perjury"));
        String id = platform.requestConfirmed("w8ben", form(iin, Map.of()), client, "ACCEPTED");
        assertEquals("nothing changes before staff accept", null, records().find(client.clientId()).orElseThrow().data()
                .w8benSignedOn());

        assertEquals(200, platform.operatorPost("operator/queue/" + id + "/take", "{}").statusCode());
        HttpResponse<String> done = platform.operatorPost("operator/queue/" + id + "/complete", "{\"documentIds\":[]}");
        assertEquals(done.body(), 200, done.statusCode());
        JsonNode executed = ItSupport.json(platform.get("services/w8ben/requests/" + id, client.bearer("en")));
        assertEquals("EXECUTED", executed.get("status").asText());
        ClientData status = records().find(client.clientId()).orElseThrow().data();
        LocalDate signed = LocalDate.ofInstant(NOW.get(), ZoneId.of("Asia/Almaty"));
        assertEquals(signed, status.w8benSignedOn());
        assertEquals("KZ", status.taxResidency());
        assertFalse(status.usPerson());
        assertTrue("the history keeps the status before (§16)", records().history(client.clientId()).size() >= 2);

        HttpResponse<byte[]> pdf = platform.getBytes(executed.get("documents").get(0).asText().replace("/api/v1/", ""),
                client.bearer("en"));
        assertEquals(200, pdf.statusCode());
        ItSupport.keepIssuedPdf("w8ben-form", pdf.body());

        // the end of the third calendar year after signing, less the 60 days' notice: the reminder goes out
        Instant due = LocalDate.of(signed.getYear() + 3, 12, 31).minusDays(60).atStartOfDay(ZoneId.of("Asia/Almaty")).toInstant();
        kz.qyzmet.jobs.api.Jobs jobs = context.getService(context.getServiceReference(kz.qyzmet.jobs.api.Jobs.class));
        assertEquals("the reminder waits for its day", kz.qyzmet.jobs.api.JobState.Status.QUEUED, jobs.find("w8ben-expiry", id)
                .orElseThrow().status());
        assertTrue(platform.messagesTo(client.phone()).stream().noneMatch(message -> message.text().contains("W-8BEN")));
        NOW.set(due.plus(Duration.ofHours(1)));
        ItSupport.await(Duration.ofSeconds(20), "the expiry reminder", () -> platform.messagesTo(client.phone()).stream()
                .anyMatch(message -> message.text().contains("W-8BEN") && message.text().contains("31.12." + (signed.getYear()
                        + 3))));
        ItSupport.awaitChecked(Duration.ofSeconds(10), "the job is done", () -> "reminded".equals(jobs.find("w8ben-expiry", id)
                .orElseThrow().result()));
        NOW.set(Instant.now());
    }

    @Test
    public void b_anInvalidFormIsRefusedNamingItsField() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77012", "KZ86601A861000000001");
        String iin = records().find(client.clientId()).orElseThrow().data().taxId();
        Map<Map<String, String>, String> wrong = Map.of(
                Map.of("citizenship", "US"), "citizenship",
                Map.of("residenceAddress", "PO Box 17"), "residenceAddress",
                Map.of("treatyRate", "45"), "treatyRate",
                Map.of("treatyCountry", "DE"), "treatyCountry",
                Map.of("dateOfBirth", "1991-02-03"), "foreignTin",
                Map.of("foreignTin", ""), "foreignTin");
        for (Map.Entry<Map<String, String>, String> line : wrong.entrySet()) {
            HttpResponse<String> refused = platform.post("services/w8ben/requests", form(iin, line.getKey()), client.bearer("ru"));
            assertEquals(line.getKey() + ": " + refused.body(), 400, refused.statusCode());
            assertEquals(line.getKey().toString(), line.getValue(), ItSupport.json(refused).get("field").asText());
        }
    }
}
