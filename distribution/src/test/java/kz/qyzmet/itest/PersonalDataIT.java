package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.clients.api.ClientRecords;

/**
 * Change of personal data on the real platform (issue #16, §7.2, §16, §20): a new
 * phone is proven with a code sent to it, staff accept the change within 3
 * business days, and only then does the login follow it; the record keeps the
 * previous version; new bank details are where withdrawals go next.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PersonalDataIT {
    private static final String PASSWORD = "Steppe-Strong-2026";
    private static int phones;

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        // identity-document scans kept two days here (five years by default); the retention job polled often
        return ItPlatform.options("personaldata", List.of("qyzmet-default"), Map.of("qyzmet.mode", "demo",
                "qyzmet.uploads.retention.days", "identity-document=2", "qyzmet.jobs.poll.millis", "200"));
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
    }

    private static synchronized String newPhone() {
        return "+77029" + String.format("%06d", ++phones);
    }

    private HttpResponse<String> prove(ItSupport.ClientSession client, String phone) throws Exception {
        HttpResponse<String> sent = platform.post("auth/contact-proofs", "{\"channel\":\"sms\",\"recipient\":\"" + phone + "\"}",
                client.bearer("en"));
        assertEquals(sent.body(), 202, sent.statusCode());
        return platform.post("auth/contact-proofs/verification", "{\"channel\":\"sms\",\"recipient\":\"" + phone
                + "\",\"code\":\"" + platform.latestCode(phone) + "\"}", client.bearer("en"));
    }

    private int login(String identifier) throws Exception {
        return platform.post("auth/login", "{\"identifier\":\"" + identifier + "\",\"password\":\"" + PASSWORD
                + "\",\"client\":\"app\"}").statusCode();
    }

    private void accept(String id) throws Exception {
        assertEquals(200, platform.operatorPost("operator/queue/" + id + "/take", "{}").statusCode());
        HttpResponse<String> done = platform.operatorPost("operator/queue/" + id + "/complete", "{\"documentIds\":[]}");
        assertEquals(done.body(), 200, done.statusCode());
    }

    private ClientRecords records() {
        return context.getService(context.getServiceReference(ClientRecords.class));
    }

    @Test
    public void aNewPhoneIsProvenAndTheLoginFollowsItOnlyOnceStaffAccept() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        String phone = newPhone();
        String body = "{\"phone\":\"" + phone.substring(0, 2) + " " + phone.substring(2) + "\"}";
        HttpResponse<String> unproven = platform.post("services/personal-data/requests", body, client.bearer("en"));
        assertEquals(unproven.body(), 400, unproven.statusCode());
        assertEquals("phone", ItSupport.json(unproven).get("field").asText());
        assertTrue(unproven.body(), ItSupport.json(unproven).get("detail").asText().contains("not proven"));

        platform.post("auth/contact-proofs", "{\"channel\":\"sms\",\"recipient\":\"" + phone + "\"}", client.bearer("en"));
        HttpResponse<String> wrong = platform.post("auth/contact-proofs/verification", "{\"channel\":\"sms\",\"recipient\":\""
                + phone + "\",\"code\":\"000000\"}", client.bearer("en"));
        assertEquals(400, wrong.statusCode());
        assertEquals(204, prove(client, phone).statusCode());

        Instant asked = Instant.now();
        String id = platform.requestConfirmed("personal-data", body, client, "ACCEPTED");
        JsonNode view = ItSupport.json(platform.get("services/personal-data/requests/" + id, client.bearer("en")));
        assertTrue(view.toString(), view.get("summary").asText().contains("Phone: " + phone));
        // staff have 3 business days (§7.2), counted on the platform's calendar (InstructionsDocumentsIT moves its clock)
        LocalDate due = LocalDate.ofInstant(Instant.parse(view.get("dueBy").asText()), ZoneId.of("Asia/Almaty"));
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(asked, ZoneId.of("Asia/Almaty")), due);
        assertTrue("3 business days: " + due, days >= 3 && days <= 10 && due.getDayOfWeek() != DayOfWeek.SATURDAY
                && due.getDayOfWeek() != DayOfWeek.SUNDAY);
        assertEquals("before staff accept, the new phone does not log in", 401, login(phone));
        assertEquals(200, login(client.phone()));

        accept(id);
        assertEquals("EXECUTED", ItSupport.json(platform.get("services/personal-data/requests/" + id, client.bearer("en")))
                .get("status").asText());
        assertEquals("the login follows the new phone (§20)", 200, login(phone));
        assertEquals("the old phone no longer logs in", 401, login(client.phone()));
        assertEquals(phone, records().find(client.clientId()).orElseThrow().data().phone());
        assertEquals("the record keeps the version before (§16)", client.phone(), records().asOf(client.clientId(), asked)
                .orElseThrow().data().phone());
        List<AuditRecord> changed = context.getService(context.getServiceReference(AuditJournal.class))
                .findBySubject(client.identityId(), 100).stream()
                .filter(record -> record.event().type().equals("auth.identity.contacts-changed")).toList();
        assertEquals(1, changed.size());
        assertFalse("no phone in the journal in clear", changed.get(0).event().toString().contains(phone.substring(1)));
    }

    @Test
    public void newBankDetailsAreWhereTheNextWithdrawalGoes() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        HttpResponse<String> wrong = platform.post("services/personal-data/requests", "{\"bankAccount\":\"KZ03722C000022222222\","
                + "\"bankBic\":\"CASPKZKA\"}", client.bearer("kk"));
        assertEquals(400, wrong.statusCode());
        assertEquals("bankAccount", ItSupport.json(wrong).get("field").asText());
        String toOther = "{\"amount\":\"100\",\"currency\":\"KZT\",\"iban\":\"KZ03722C000022222221\"}";
        assertEquals("before the change, another IBAN is refused", 400, platform.post("services/withdrawal/requests", toOther,
                client.bearer("en")).statusCode());
        String id = platform.requestConfirmed("personal-data", "{\"bankName\":\"Kaspi Bank\",\"bankAccount\":"
                + "\"kz03 722c 0000 2222 2221\",\"bankBic\":\"caspkzka\"}", client, "ACCEPTED");
        accept(id);
        assertEquals("KZ03722C000022222221", records().find(client.clientId()).orElseThrow().data().bankAccount());
        assertEquals("the new account on record is where money goes", 201, platform.post("services/withdrawal/requests",
                toOther, client.bearer("en")).statusCode());
    }

    @Test
    public void aPhoneAnotherAccountUsesCannotBeClaimedNorCanAManagerNameOne() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        ItSupport.ClientSession other = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        HttpResponse<String> taken = platform.post("auth/contact-proofs", "{\"channel\":\"sms\",\"recipient\":\"" + other.phone()
                + "\"}", client.bearer("ru"));
        assertEquals(taken.body(), 409, taken.statusCode());
        assertTrue(taken.body(), ItSupport.json(taken).get("detail").asText().contains("другой учётной записью"));
        HttpResponse<String> prepared = platform.operatorPost("operator/services/personal-data/prepared", "{\"clientId\":\""
                + client.clientId() + "\",\"request\":{\"phone\":\"" + newPhone() + "\"}}");
        assertEquals("only the client proves a new phone: " + prepared.body(), 400, prepared.statusCode());
        HttpResponse<String> nothing = platform.post("services/personal-data/requests", "{}", client.bearer("en"));
        assertEquals(400, nothing.statusCode());
    }

    private static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x00AFCA);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * Issue #16: a new identity document comes with its scan, which the client
     * confirms by SHA-256 and staff open (journalled); the uploads store keeps it
     * only as long as configured — then its content is deleted, what it was stays,
     * and the database refuses deleting content any other way.
     */
    @Test
    public void aDocumentScanIsKeptOnlyAsLongAsConfigured() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        byte[] scan = png();
        assertEquals("a PNG named .pdf is disguised", 415, platform.postBytes("personal-data/scans?name=passport.pdf", scan,
                "image/png", client.bearer("en")).statusCode());
        HttpResponse<String> uploaded = platform.postBytes("personal-data/scans?name=passport.png", scan, "image/png",
                client.bearer("en"));
        assertEquals(uploaded.body(), 201, uploaded.statusCode());
        JsonNode kept = ItSupport.json(uploaded);
        String id = kept.get("id").asText();
        Instant keepUntil = Instant.parse(kept.get("keepUntil").asText());
        assertTrue("two days: " + keepUntil, keepUntil.isAfter(Instant.now().plus(Duration.ofDays(2)).minusSeconds(60)));

        String document = "{\"documentType\":\"passport\",\"documentNumber\":\"N7654321\",\"documentIssuedOn\":\"2024-05-06\"";
        HttpResponse<String> noScan = platform.post("services/personal-data/requests", document + "}", client.bearer("en"));
        assertEquals(noScan.body(), 400, noScan.statusCode());
        assertEquals("documentScans", ItSupport.json(noScan).get("field").asText());
        ItSupport.ClientSession other = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        HttpResponse<String> foreign = platform.post("services/personal-data/requests", document + ",\"documentScans\":\"" + id
                + "\"}", other.bearer("en"));
        assertEquals("another client's scan: " + foreign.body(), 400, foreign.statusCode());
        assertEquals(404, platform.get("personal-data/scans/" + id, other.bearer("en")).statusCode());

        String instruction = platform.requestConfirmed("personal-data", document + ",\"documentScans\":\"" + id + "\"}", client,
                "ACCEPTED");
        JsonNode request = ItSupport.json(platform.get("services/personal-data/requests/" + instruction, client.bearer("en")));
        assertTrue("confirmed by its SHA-256: " + request, request.get("summary").asText().contains(kept.get("sha256").asText()));
        HttpResponse<byte[]> opened = platform.getBytes("operator/personal-data/scans/" + id, platform.withOperator());
        assertEquals(200, opened.statusCode());
        assertTrue("staff see the scan as uploaded", java.util.Arrays.equals(scan, opened.body()));
        accept(instruction);
        assertEquals("N7654321", context.getService(context.getServiceReference(kz.qyzmet.clients.api.ClientRecords.class))
                .find(client.clientId()).orElseThrow().data().documentNumber());

        // the database itself refuses deleting the content before its retention ended
        javax.sql.DataSource database = context.getService(context.getServiceReferences(javax.sql.DataSource.class,
                "(qyzmet.datasource=main)").iterator().next());
        try (java.sql.Connection connection = database.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM upload_part WHERE upload_id = '" + id + "'");
            throw new AssertionError("the content went without a purge record");
        } catch (java.sql.SQLException refused) {
            assertTrue(refused.getMessage(), refused.getMessage().contains("end of its retention"));
        }

        // two days and a bit later, by the platform's clock: the content is gone, the record of it stays
        java.util.concurrent.atomic.AtomicReference<Duration> ahead = new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);
        java.util.Hashtable<String, Object> ranking = new java.util.Hashtable<>();
        ranking.put(org.osgi.framework.Constants.SERVICE_RANKING, 200);
        org.osgi.framework.ServiceRegistration<java.time.Clock> clock = context.registerService(java.time.Clock.class,
                new java.time.Clock() {
                    public java.time.ZoneId getZone() {
                        return java.time.ZoneOffset.UTC;
                    }

                    public java.time.Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    public Instant instant() {
                        return Instant.now().plus(ahead.get());
                    }
                }, ranking);
        kz.qyzmet.uploads.api.Uploads uploads = context.getService(context.getServiceReference(kz.qyzmet.uploads.api.Uploads.class));
        try {
            ahead.set(Duration.ofDays(2).plusHours(1));
            ItSupport.forgetOperatorSession();
            ItSupport.await(Duration.ofSeconds(20), "the scan's retention ends", () -> uploads.find(id).orElseThrow().purged());
            kz.qyzmet.uploads.api.Upload purged = uploads.find(id).orElseThrow();
            assertEquals("what it was stays", kept.get("sha256").asText(), purged.sha256());
            HttpResponse<byte[]> gone = platform.getBytes("operator/personal-data/scans/" + id, platform.withOperator());
            assertEquals(410, gone.statusCode());
            assertTrue(new String(gone.body(), java.nio.charset.StandardCharsets.UTF_8).contains(purged.sha256()));
            String journal = context.getService(context.getServiceReference(kz.qyzmet.audit.api.AuditJournal.class))
                    .findBySubject(id, 20).toString();
            assertTrue(journal, journal.contains("upload.kept") && journal.contains("upload.opened") && journal.contains("upload.purged"));
        } finally {
            clock.unregister();
            ItSupport.forgetOperatorSession();
        }
    }
}
