package kz.qyzmet.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
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
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;

/**
 * Source of funds on the real platform (issue #15): evidence judged by its bytes
 * and kept as uploaded with its SHA-256, the statement confirmed with a code bound
 * to its files, staff's approval or rejection recorded once in the client's
 * history, and large withdrawals refused until an approval covers them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SourceOfFundsIT {
    /** A small limit keeps the oversized upload small too. */
    private static final int MAX_FILE_BYTES = 256 * 1024;
    private static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("sourceoffunds", List.of("qyzmet-default"), Map.of("qyzmet.mode", "demo",
                "qyzmet.sourceoffunds.max.file.bytes", String.valueOf(MAX_FILE_BYTES),
                "qyzmet.withdrawal.source.of.funds.from", "KZT=3000000,USD=10000"));
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
    }

    private ItSupport.ClientSession newClient() throws Exception {
        return platform.newClientWithAccount("SOF", "+77016");
    }

    private HttpResponse<String> upload(ItSupport.ClientSession client, byte[] bytes, String name, String type, String language)
            throws Exception {
        return platform.postBytes("source-of-funds/evidence?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), bytes,
                type, client.bearer(language));
    }

    private String uploaded(ItSupport.ClientSession client, byte[] bytes, String name, String type) throws Exception {
        HttpResponse<String> stored = upload(client, bytes, name, type, "en");
        assertEquals(stored.body(), 201, stored.statusCode());
        return ItSupport.json(stored).get("id").asText();
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private JsonNode history(ItSupport.ClientSession client, String language) throws Exception {
        return ItSupport.json(platform.get("source-of-funds", client.bearer(language)));
    }

    private String statement(ItSupport.ClientSession client, String amount, String currency, String... evidence)
            throws Exception {
        return platform.requestConfirmed("source-of-funds", "{\"kind\":\"property-sale\",\"amount\":\"" + amount
                + "\",\"currency\":\"" + currency + "\",\"description\":\"Sale of a flat in Almaty, contract No. 17\","
                + "\"evidence\":\"" + String.join(",", evidence) + "\"}", client, "ACCEPTED");
    }

    private void approve(String instructionId) throws Exception {
        assertEquals(200, platform.operatorPost("operator/queue/" + instructionId + "/take", "{}").statusCode());
        HttpResponse<String> done = platform.operatorPost("operator/queue/" + instructionId + "/complete",
                "{\"documentIds\":[]}");
        assertEquals(done.body(), 200, done.statusCode());
    }

    private List<String> journal(String subject) {
        return context.getService(context.getServiceReference(AuditJournal.class)).findBySubject(subject, 100).stream()
                .map(AuditRecord::event).map(event -> event.type()).toList();
    }

    @Test
    public void evidenceIsKeptAsUploadedWithItsHashAndOnlyItsOwnerGetsItBack() throws Exception {
        ItSupport.ClientSession client = newClient();
        HttpResponse<String> stored = upload(client, PDF, "выписка банка.pdf", "application/pdf", "en");
        assertEquals(stored.body(), 201, stored.statusCode());
        JsonNode evidence = ItSupport.json(stored);
        assertEquals(sha256(PDF), evidence.get("sha256").asText());
        assertEquals("application/pdf", evidence.get("mediaType").asText());
        assertEquals("выписка банка.pdf", evidence.get("fileName").asText());
        String id = evidence.get("id").asText();
        HttpResponse<byte[]> back = platform.getBytes("source-of-funds/evidence/" + id, client.bearer("en"));
        assertEquals(200, back.statusCode());
        assertArrayEquals(PDF, back.body());
        assertEquals("nosniff", back.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("another client gets the same answer as for no file", 404, platform.getBytes("source-of-funds/evidence/"
                + id, newClient().bearer("en")).statusCode());
        assertTrue("the upload is journalled", journal(id).contains("sourceoffunds.evidence.uploaded"));
        assertEquals("a PNG without a name or type is told from its bytes", "image/png",
                ItSupport.json(upload(client, png(), "", "application/octet-stream", "en")).get("mediaType").asText());
    }

    @Test
    public void aDisguisedFileIsRefusedWithTheReasonInTheClientsLanguage() throws Exception {
        ItSupport.ClientSession client = newClient();
        HttpResponse<String> pngAsPdf = upload(client, png(), "statement.pdf", "application/pdf", "en");
        assertEquals(pngAsPdf.body(), 415, pngAsPdf.statusCode());
        assertTrue(pngAsPdf.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonNode problem = ItSupport.json(pngAsPdf);
        assertEquals(ItSupport.PROBLEM_TYPE_BASE + "unsupported-media-type", problem.get("type").asText());
        assertTrue(problem.toString(), problem.get("detail").asText().contains("disguised"));

        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';
        HttpResponse<String> exe = upload(client, program, "statement.pdf", "application/pdf", "ru");
        assertEquals(415, exe.statusCode());
        assertTrue(exe.body(), ItSupport.json(exe).get("detail").asText().contains("не PDF, не JPEG и не PNG"));
        HttpResponse<String> kazakh = upload(client, PDF, "scan.png", "image/png", "kk");
        assertEquals(415, kazakh.statusCode());
        assertTrue(kazakh.body(), ItSupport.json(kazakh).get("detail").asText().contains("жасырылған"));
    }

    @Test
    public void anOversizedFileIsRefusedAndNothingOfItIsKept() throws Exception {
        ItSupport.ClientSession client = newClient();
        byte[] large = new byte[MAX_FILE_BYTES + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length - 6);
        System.arraycopy("%%EOF\n".getBytes(StandardCharsets.US_ASCII), 0, large, large.length - 6, 6);
        HttpResponse<String> refused = upload(client, large, "large.pdf", "application/pdf", "en");
        assertEquals(refused.body(), 413, refused.statusCode());
        JsonNode problem = ItSupport.json(refused);
        assertEquals(ItSupport.PROBLEM_TYPE_BASE + "payload-too-large", problem.get("type").asText());
        assertTrue(problem.toString(), problem.get("detail").asText().contains("256 KiB at most"));
        try (Connection connection = ItSupport.administrator(context, "").getConnection();
                Statement statement = connection.createStatement();
                java.sql.ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM sof_evidence WHERE client_id = '"
                        + client.clientId() + "'")) {
            count.next();
            assertEquals("nothing of a refused file is stored", 0, count.getInt(1));
        }
    }

    @Test
    public void staffApproveAStatementBoundToItsFilesAndTheDecisionStaysInTheHistory() throws Exception {
        ItSupport.ClientSession client = newClient();
        String first = uploaded(client, PDF, "contract.pdf", "application/pdf");
        byte[] photo = png();
        String second = uploaded(client, photo, "receipt.png", "image/png");
        HttpResponse<String> created = platform.post("services/source-of-funds/requests", "{\"kind\":\"salary\","
                + "\"amount\":\"4000000\",\"currency\":\"kzt\",\"description\":\"Salary at KazMunayGas, 2025\","
                + "\"evidence\":\"" + first + ", " + second + "\"}", client.bearer("en"));
        assertEquals(created.body(), 201, created.statusCode());
        String summary = ItSupport.json(created).get("instruction").get("summary").asText();
        assertTrue("the code confirms the files by their hashes (§25.2): " + summary, summary.contains(sha256(PDF))
                && summary.contains(sha256(photo)) && summary.contains("4,000,000.00 KZT") && summary.contains("salary"));
        String id = platform.requestConfirmed("source-of-funds", "{\"kind\":\"salary\",\"amount\":\"4000000\","
                + "\"currency\":\"KZT\",\"description\":\"Salary at KazMunayGas, 2025\",\"evidence\":\"" + first + ","
                + second + "\"}", client, "ACCEPTED");

        JsonNode pending = history(client, "en").get("statements").get(0);
        assertEquals(id, pending.get("instructionId").asText());
        assertTrue("staff have not decided yet", pending.get("decision").isNull());
        assertEquals(2, pending.get("evidence").size());
        HttpResponse<String> reused = platform.post("services/source-of-funds/requests", "{\"kind\":\"gift\",\"amount\":\"1\","
                + "\"currency\":\"KZT\",\"description\":\"again\",\"evidence\":\"" + first + "\"}", client.bearer("en"));
        assertEquals("a file proves one statement: " + reused.body(), 400, reused.statusCode());
        assertEquals("evidence", ItSupport.json(reused).get("field").asText());

        JsonNode staffView = ItSupport.json(platform.operatorGet("operator/source-of-funds?client=" + client.clientId()));
        String download = staffView.get("statements").get(0).get("evidence").get(1).get("download").asText();
        HttpResponse<byte[]> opened = platform.getBytes(download.replace("/api/v1/", ""), "Authorization", "Bearer "
                + platform.operatorToken());
        assertEquals(200, opened.statusCode());
        assertArrayEquals(photo, opened.body());
        assertTrue("staff opening a client's file is journalled", journal(second).contains("sourceoffunds.evidence.viewed"));

        Instant before = Instant.now();
        approve(id);
        JsonNode decided = history(client, "en").get("statements").get(0).get("decision");
        assertEquals("APPROVED", decided.get("outcome").asText());
        Instant validUntil = Instant.parse(decided.get("validUntil").asText());
        assertTrue("an approval counts for the configured 365 days: " + validUntil, Duration.between(before, validUntil)
                .toDays() == 364 || Duration.between(before, validUntil).toDays() == 365);
        assertEquals("EXECUTED", ItSupport.json(platform.get("services/source-of-funds/requests/" + id, client.bearer("en")))
                .get("status").asText());
        assertTrue(journal(id).containsAll(List.of("sourceoffunds.submitted", "sourceoffunds.approved",
                "instruction.executed")));
    }

    @Test
    public void aRejectedStatementKeepsStaffsReasonAndItsRecordsRefuseEveryChange() throws Exception {
        ItSupport.ClientSession client = newClient();
        String id = statement(client, "900000", "KZT", uploaded(client, PDF, "gift.pdf", "application/pdf"));
        platform.operatorPost("operator/queue/" + id + "/take", "{}");
        HttpResponse<String> rejected = platform.operatorPost("operator/queue/" + id + "/reject", "{\"reason\":{\"kk\":"
                + "\"Шарт көшірмесі оқылмайды\",\"ru\":\"Копия договора не читается\",\"en\":\"The contract copy is unreadable\"}}");
        assertEquals(rejected.body(), 200, rejected.statusCode());
        JsonNode decision = history(client, "ru").get("statements").get(0).get("decision");
        assertEquals("REJECTED", decision.get("outcome").asText());
        assertEquals("Копия договора не читается", decision.get("reason").asText());
        assertTrue(decision.get("validUntil").isNull());

        try (Connection connection = ItSupport.administrator(context, "").getConnection();
                Statement statement = connection.createStatement()) {
            for (String change : List.of("UPDATE sof_decision SET outcome = 'APPROVED' WHERE instruction_id = '" + id + "'",
                    "DELETE FROM sof_statement_evidence WHERE instruction_id = '" + id + "'",
                    "UPDATE sof_statement SET amount = 1 WHERE instruction_id = '" + id + "'",
                    "UPDATE sof_evidence_part SET bytes = 'x' WHERE evidence_id IN (SELECT evidence_id FROM"
                            + " sof_statement_evidence WHERE instruction_id = '" + id + "')")) {
                try {
                    statement.executeUpdate(change);
                    fail("the database let this through (§16, §45): " + change);
                } catch (SQLException refused) {
                    assertTrue(refused.getMessage(), refused.getMessage().contains("rules"));
                }
            }
        }
    }

    @Test
    public void aLargeWithdrawalIsRefusedUntilAnApprovedSourceOfFundsCoversIt() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77018", "KZ86601A861000000001");
        Ledger ledger = context.getService(context.getServiceReference(Ledger.class));
        ledger.post(new EntryRequest("sof-it-fund-" + client.clientId(), "PAYMENT_IN", "Funding", "it", "it", List.of(
                Posting.of("EXT-BANK", "KZT", new BigDecimal("-6000000")), Posting.of(client.clientId(), "KZT",
                        new BigDecimal("6000000")))));
        String withdrawal = "{\"amount\":\"3500000\",\"currency\":\"KZT\"}";
        HttpResponse<String> refused = platform.post("services/withdrawal/requests", withdrawal, client.bearer("en"));
        assertEquals(refused.body(), 409, refused.statusCode());
        JsonNode problem = ItSupport.json(refused);
        assertEquals("SOURCE_OF_FUNDS_REQUIRED", problem.get("reason").asText());
        assertTrue(problem.toString(), problem.get("detail").asText().contains("3000000 KZT")
                && problem.get("detail").asText().contains("source-of-funds confirmation"));
        assertTrue(ItSupport.json(platform.post("services/withdrawal/requests", withdrawal, client.bearer("ru"))).get("detail")
                .asText().contains("подтверждение источника средств"));
        assertEquals("below the threshold nothing is needed", 201, platform.post("services/withdrawal/requests",
                "{\"amount\":\"2999999.99\",\"currency\":\"KZT\"}", client.bearer("en")).statusCode());

        String id = statement(client, "4000000", "KZT", uploaded(client, PDF, "sale.pdf", "application/pdf"));
        assertEquals("a statement staff have not approved does not count", 409, platform.post("services/withdrawal/requests",
                withdrawal, client.bearer("en")).statusCode());
        approve(id);
        HttpResponse<String> allowed = platform.post("services/withdrawal/requests", withdrawal, client.bearer("en"));
        assertEquals(allowed.body(), 201, allowed.statusCode());
        assertNotNull(ItSupport.json(allowed).get("confirmation"));
        HttpResponse<String> beyond = platform.post("services/withdrawal/requests", "{\"amount\":\"4500000\","
                + "\"currency\":\"KZT\"}", client.bearer("en"));
        assertEquals("an approval covers up to its declared amount: " + beyond.body(), 409, beyond.statusCode());
        assertEquals("nor does a tenge approval cover dollars", 409, platform.post("services/withdrawal/requests",
                "{\"amount\":\"20000\",\"currency\":\"USD\"}", client.bearer("en")).statusCode());
    }
}
