package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionHandler;
import kz.qyzmet.instructions.api.NewInstruction;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;

/**
 * Client instructions and issued documents on a real MariaDB in a real OSGi
 * framework (rules §7.1, §18, §19, §25.2, §45): the extract service end to end,
 * the digest-bound confirmation, immutability in the database, verification of
 * a presented PDF, owner-only downloads, the back-office queue on business days,
 * cancellation, and the extract bundle leaving and coming back at runtime.
 * PDFBox, not the library that wrote them, reads the PDFs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class InstructionsDocumentsIT {
    private static final String PASSWORD = "Steppe-Strong-2026";
    private static final String STAFF_SERVICE = "it-personal-data";
    private static final AtomicReference<Instant> NOW = new AtomicReference<>();
    private static boolean registered;
    private static int clients;

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.optionsWithPdfReader("instructions", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
        synchronized (InstructionsDocumentsIT.class) {
            if (!registered) {
                // real time to begin with: the ledger stamps entries with the system clock it started with
                NOW.set(Instant.now());
                ItSupport.registerClock(context, NOW);
                registerStaffService();
                ledger().defineAsset(new Asset("KZT", AssetKind.CURRENCY, 2, "Қазақстан теңгесі"));
                ledger().defineAsset(new Asset("US0378331005", AssetKind.SECURITY, 0, "Apple Inc."));
                ledger().openAccount("IT-BANK", AccountType.EXTERNAL, null, "Correspondent bank");
                ledger().openAccount("IT-CSD", AccountType.EXTERNAL, null, "Depository");
                registered = true;
            }
        }
    }

    /** A personal-data service as a product team would ship it: staff process it within 3 business days (§7.2). */
    private void registerStaffService() {
        Hashtable<String, Object> descriptor = new Hashtable<>();
        descriptor.put("qyzmet.service.id", STAFF_SERVICE);
        descriptor.put("qyzmet.service.category", "PERSONAL_ACCOUNT");
        descriptor.put("qyzmet.service.assurance", "OPERATION_CONFIRMATION");
        descriptor.put("qyzmet.service.processing", "STAFF");
        descriptor.put("qyzmet.service.processing.days", "3");
        for (String language : new String[] { "kk", "ru", "en" }) {
            descriptor.put("qyzmet.service.title." + language, "Personal data (" + language + ")");
            descriptor.put("qyzmet.service.description." + language, "Change of personal data (" + language + ")");
        }
        context.registerService(Runnable.class, () -> {
        }, descriptor);
        Hashtable<String, Object> handler = new Hashtable<>();
        handler.put(InstructionHandler.SERVICE_PROPERTY, STAFF_SERVICE);
        context.registerService(InstructionHandler.class, new InstructionHandler() {
            @Override
            public void validate(NewInstruction instruction, String clientId) {
            }

            @Override
            public Outcome execute(Instruction instruction, Caller caller) {
                return Outcome.queued();
            }
        }, handler);
    }

    private Ledger ledger() {
        return context.getService(context.getServiceReference(Ledger.class));
    }

    private record Client(String clientId, String identityId, String login, String token, String phone) {
        String[] bearer() {
            return new String[] { "Authorization", "Bearer " + token, "Accept-Language", "ru" };
        }
    }

    /** An onboarded client with a funded personal account, in a security session of the app (§35.1). */
    private Client newClient() throws Exception {
        int n;
        synchronized (InstructionsDocumentsIT.class) {
            n = ++clients;
        }
        String clientId = "ITC-" + n + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String login = "docs" + n + "x" + UUID.randomUUID().toString().substring(0, 4);
        ItSupport.ClientSession session = platform.onboardClient(clientId, login, "+77016" + String.format("%06d", n), PASSWORD);
        String identityId = session.identityId();
        String token = session.token();

        ledger().openAccount(clientId, AccountType.CLIENT, clientId, "Әсел Жұмабаева");
        ledger().post(new EntryRequest(UUID.randomUUID().toString(), "PAYMENT_IN", "Incoming payment", "bank-ref", "it",
                List.of(Posting.of("IT-BANK", "KZT", new BigDecimal("-1234567.89")),
                        Posting.of(clientId, "KZT", new BigDecimal("1234567.89")))));
        ledger().post(new EntryRequest(UUID.randomUUID().toString(), "SECURITIES_IN", "Transfer in", "", "it",
                List.of(Posting.of("IT-CSD", "US0378331005", new BigDecimal("-17")),
                        Posting.of(clientId, "US0378331005", new BigDecimal("17")))));
        return new Client(clientId, identityId, login, token, session.phone());
    }

    private JsonNode requestExtract(Client client, String body) throws Exception {
        HttpResponse<String> requested = platform.post("services/extract/requests", body, client.bearer());
        assertEquals(requested.body(), 201, requested.statusCode());
        return ItSupport.json(requested);
    }

    /** The code the client's app received for the latest confirmation (push goes to the identity). */
    private String code(Client client) {
        return platform.latestCode(client.identityId());
    }

    private HttpResponse<String> confirm(Client client, String instructionId, String challengeId, String code) throws Exception {
        return platform.post("instructions/" + instructionId + "/confirm", "{\"challengeId\":\"" + challengeId + "\",\"code\":\""
                + code + "\"}", client.bearer());
    }

    private JsonNode extract(Client client) throws Exception {
        JsonNode requested = requestExtract(client, "{\"language\":\"kk\"}");
        HttpResponse<String> confirmed = confirm(client, requested.get("instruction").get("id").asText(),
                requested.get("confirmation").get("challengeId").asText(), code(client));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        return ItSupport.json(confirmed);
    }

    private byte[] download(Client client, String link) throws Exception {
        HttpResponse<byte[]> pdf = platform.getBytes(link.replace("/api/v1/", ""), client.bearer());
        assertEquals(200, pdf.statusCode());
        return pdf.body();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private DataSource mainStore() throws Exception {
        return /* the administrator: the platform's own account may not even try (§45) */ ItSupport.administrator(context, "");
    }

    @Test
    public void a_extractFiguresEqualTheLedgersBalancesInEmbeddedFontsWithKazakhText() throws Exception {
        Client client = newClient();
        JsonNode executed = extract(client);
        assertEquals("EXECUTED", executed.get("status").asText());
        byte[] pdf = download(client, executed.get("documents").get(0).asText());
        assertTrue(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        ItSupport.keepIssuedPdf("account-extract", pdf);
        String text = text(pdf);
        for (Balance balance : ledger().balances(client.clientId())) {
            int scale = ledger().asset(balance.asset()).orElseThrow().scale();
            assertTrue(balance.asset() + " " + balance.total() + " in the extract",
                    text.contains(Formats.amount(balance.total(), scale, Language.KK)));
        }
        assertTrue("digit groups never break across lines", text.contains("1\u00a0234\u00a0567,89"));
        assertTrue("Kazakh title as text: " + text, text.contains("Жеке шот бойынша үзінді көшірме"));
        assertTrue(text.contains("Ақша қаражаты") && text.contains("Бағалы қағаздар") && text.contains("Әсел Жұмабаева"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    assertTrue("font embedded", page.getResources().getFont(name).isEmbedded());
                }
            }
        }
        // the client instruction form (§45.4): the confirmed content with the digest the code was bound to; once issued,
        // every print is the same stored document
        byte[] formPdf = download(client, executed.get("form").asText());
        ItSupport.keepIssuedPdf("client-instruction", formPdf);
        String form = text(formPdf);
        assertTrue(form.contains(executed.get("digest").asText()));
        assertTrue(form.contains(executed.get("number").asText()));
        assertTrue(java.util.Arrays.equals(formPdf, download(client, executed.get("form").asText())));
        assertEquals(409, platform.getBytes("instructions/" + requestExtract(client, "{}").get("instruction").get("id").asText()
                + "/form", client.bearer()).statusCode());
    }

    @Test
    public void b_extractAsOfAnEarlierTimeShowsTheBalanceThen() throws Exception {
        Client client = newClient();
        Entry second = ledger().post(new EntryRequest(UUID.randomUUID().toString(), "PAYMENT_IN", "Second payment", "bank-ref",
                "it", List.of(Posting.of("IT-BANK", "KZT", new BigDecimal("-100.00")), Posting.of(client.clientId(), "KZT",
                        new BigDecimal("100.00")))));
        // §16.2: the state just before the second payment
        Instant asOf = second.postedAt().minus(1, java.time.temporal.ChronoUnit.MICROS);
        NOW.set(Instant.now());
        BigDecimal then = kzt(ledger().balancesAsOf(client.clientId(), asOf));
        assertEquals(new BigDecimal("1234567.89"), then);
        assertEquals(new BigDecimal("1234667.89"), kzt(ledger().balances(client.clientId())));
        JsonNode requested = requestExtract(client, "{\"asOf\":\"" + asOf + "\",\"language\":\"en\"}");
        HttpResponse<String> confirmed = confirm(client, requested.get("instruction").get("id").asText(),
                requested.get("confirmation").get("challengeId").asText(), code(client));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        String text = text(download(client, ItSupport.json(confirmed).get("documents").get(0).asText()));
        assertTrue(text, text.contains("1,234,567.89"));
        assertFalse(text.contains("1,234,667.89"));
        HttpResponse<String> future = platform.post("services/extract/requests",
                "{\"asOf\":\"" + NOW.get().plus(Duration.ofDays(3)) + "\"}", client.bearer());
        assertEquals(400, future.statusCode());
        assertEquals("asOf", ItSupport.json(future).get("field").asText());
        HttpResponse<String> foreign = platform.post("services/extract/requests", "{\"account\":\"IT-BANK\"}", client.bearer());
        assertEquals("§18: only the client's own personal account", 400, foreign.statusCode());
        assertEquals("account", ItSupport.json(foreign).get("field").asText());
    }

    private static BigDecimal kzt(List<Balance> balances) {
        return balances.stream().filter(balance -> balance.asset().equals("KZT")).findFirst().map(Balance::total)
                .orElse(BigDecimal.ZERO);
    }

    @Test
    public void c_aCodeForOneInstructionDoesNotConfirmAnother() throws Exception {
        Client client = newClient();
        JsonNode first = requestExtract(client, "{}");
        String firstCode = code(client);
        JsonNode second = requestExtract(client, "{}");
        String secondId = second.get("instruction").get("id").asText();
        assertNotEquals(first.get("instruction").get("digest").asText(), second.get("instruction").get("digest").asText());
        // the first instruction's challenge and code, presented for the second: refused, nothing changes
        HttpResponse<String> crossed = confirm(client, secondId, first.get("confirmation").get("challengeId").asText(), firstCode);
        assertEquals(crossed.body(), 409, crossed.statusCode());
        assertEquals("https://qyzmet.kz/problems/auth/confirmation-mismatch", ItSupport.json(crossed).get("type").asText());
        // the second instruction's challenge with the first one's code: a wrong code
        HttpResponse<String> wrongCode = confirm(client, secondId, second.get("confirmation").get("challengeId").asText(),
                firstCode.equals(code(client)) ? "000000" : firstCode);
        assertEquals(wrongCode.body(), 400, wrongCode.statusCode());
        assertEquals("AWAITING_CONFIRMATION", ItSupport.json(platform.get("instructions/" + secondId, client.bearer()))
                .get("status").asText());
        // and the right pair works
        HttpResponse<String> right = confirm(client, secondId, second.get("confirmation").get("challengeId").asText(),
                code(client));
        assertEquals(right.body(), 200, right.statusCode());
        // a code works once: confirming again is a conflict, not a second document
        HttpResponse<String> again = confirm(client, secondId, second.get("confirmation").get("challengeId").asText(),
                code(client));
        assertEquals(409, again.statusCode());
    }

    @Test
    public void d_aConfirmedInstructionAndAnIssuedDocumentCannotChange() throws Exception {
        Client client = newClient();
        JsonNode executed = extract(client);
        String id = executed.get("id").asText();
        String documentId = executed.get("documents").get(0).asText().replace("/api/v1/documents/", "");
        download(client, executed.get("form").asText()); // the form, printed once: from now on it is fixed too
        try (Connection connection = mainStore().getConnection(); Statement statement = connection.createStatement()) {
            for (String tampering : new String[] {
                    "UPDATE instr_instruction SET content = REPLACE(content, 'kk', 'ru') WHERE id = '" + id + "'",
                    "UPDATE instr_instruction SET digest = REPEAT('0', 64) WHERE id = '" + id + "'",
                    "UPDATE instr_instruction SET status = 'DRAFT' WHERE id = '" + id + "'",
                    "DELETE FROM instr_instruction WHERE id = '" + id + "'",
                    "UPDATE doc_document SET content = 'x' WHERE id = '" + documentId + "'",
                    "UPDATE doc_document SET sha256 = REPEAT('0', 64) WHERE id = '" + documentId + "'",
                    "DELETE FROM doc_document WHERE id = '" + documentId + "'",
                    // the bytes themselves, kept in parts
                    "UPDATE doc_content_part SET bytes = 'x' WHERE document_id = '" + documentId + "'",
                    "DELETE FROM doc_content_part WHERE document_id = '" + documentId + "'",
                    "INSERT INTO doc_content_part (document_id, part, bytes) VALUES ('" + documentId + "', 99, 'x')",
                    "UPDATE instr_instruction SET form_document_id = '" + documentId + "' WHERE id = '" + id + "'",
                    "UPDATE instr_instruction SET reason_en = 'edited' WHERE id = '" + id + "'",
                    "UPDATE instr_instruction SET result_document_ids = '' WHERE id = '" + id + "'",
                    "DELETE FROM instr_event WHERE instruction_id = '" + id + "'" }) {
                try {
                    statement.executeUpdate(tampering);
                    fail("the database allowed: " + tampering);
                } catch (SQLException refused) {
                    assertTrue(refused.getMessage(), refused.getMessage().contains("rules 45"));
                }
            }
        }
        JsonNode after = ItSupport.json(platform.get("instructions/" + id, client.bearer()));
        assertEquals(executed.get("digest").asText(), after.get("digest").asText());
        assertEquals("EXECUTED", after.get("status").asText());
    }

    /**
     * Issue #13: the document is signed (a changed byte breaks the signature as well as the hash), and the QR code's
     * link — an unguessable token, not the number — shows what a person compares a copy with: the key figures, the
     * original's SHA-256 and the signing certificate, and says that only the file or its signature proves the content.
     */
    @Test
    public void e_aSignedDocumentVerifiesAndOneChangedByteBreaksBothHashAndSignature() throws Exception {
        Client client = newClient();
        JsonNode executed = extract(client);
        String id = executed.get("documents").get(0).asText();
        byte[] pdf = download(client, id);
        JsonNode genuine = ItSupport.json(platform.postBytes("documents/verification", pdf, "application/pdf"));
        assertTrue(genuine.get("genuine").asBoolean());
        assertEquals("VALID", genuine.get("signature").get("status").asText());
        assertEquals("account-extract", genuine.get("document").get("kind").asText());
        String number = genuine.get("document").get("number").asText();
        assertEquals("the signature names the document", number, genuine.get("signature").get("number").asText());
        assertFalse("the public answer names no client", genuine.toString().contains(client.clientId()));
        byte[] changed = pdf.clone();
        changed[changed.length / 3] ^= 1;
        JsonNode forged = ItSupport.json(platform.postBytes("documents/verification", changed, "application/pdf"));
        assertFalse(forged.get("genuine").asBoolean());
        assertEquals("BROKEN", forged.get("signature").get("status").asText());
        assertTrue(forged.get("document") == null || forged.get("document").isNull());

        // the QR code's link: the owner's list has it, the PDF prints it; the number alone finds nothing
        JsonNode listed = null;
        for (JsonNode document : ItSupport.json(platform.get("documents", client.bearer())).get("documents")) {
            if (document.get("download").asText().equals(id)) {
                listed = document;
            }
        }
        assertNotNull(listed);
        String link = listed.get("verification").asText();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertEquals(43, token.length());
        assertTrue("the PDF prints the link to the public page", text(pdf).replaceAll("\\s", "").contains("/verify/" + token));
        assertEquals(404, platform.get("documents/verification/" + number).statusCode());
        assertEquals(404, platform.get("documents/verification/AE-1999-000001").statusCode());
        JsonNode page = ItSupport.json(platform.get("documents/verification/" + token, "Accept-Language", "en"));
        assertEquals(number, page.get("document").get("number").asText());
        assertEquals(genuine.get("sha256").asText(), page.get("document").get("sha256").asText());
        assertEquals(genuine.get("signature").get("certificateSha256").asText(), page.get("signature").get("sha256").asText());
        assertTrue(page.get("notice").asText().contains("only the original file"));
        assertFalse("the public page names no client", page.toString().contains(client.clientId()));
        String figures = page.get("document").get("keyFigures").toString();
        for (Balance balance : ledger().balances(client.clientId())) {
            int scale = ledger().asset(balance.asset()).orElseThrow().scale();
            assertTrue(balance.asset() + " " + balance.total() + " among the key figures: " + figures,
                    figures.contains(Formats.amount(balance.total(), scale, Language.KK)));
        }
        assertEquals(400, platform.get("documents/verification?sha256=xyz").statusCode());
        // the two anonymous uploads were counted, for operators to see, not journalled one by one
        JsonNode counts = ItSupport.json(platform.operatorGet("operator/documents/verifications?days=7"));
        long genuineToday = 0;
        long unknownToday = 0;
        for (JsonNode day : counts.get("days")) {
            genuineToday += "genuine".equals(day.get("outcome").asText()) ? day.get("count").asLong() : 0;
            unknownToday += "unknown".equals(day.get("outcome").asText()) ? day.get("count").asLong() : 0;
        }
        assertTrue("counted: " + counts, genuineToday >= 1 && unknownToday >= 1);
        assertEquals(400, platform.operatorGet("operator/documents/verifications?days=0").statusCode());
    }

    @Test
    public void f_anotherClientsDocumentsAndInstructionsDoNotExistForThem() throws Exception {
        Client owner = newClient();
        Client other = newClient();
        JsonNode executed = extract(owner);
        String document = executed.get("documents").get(0).asText().replace("/api/v1/", "");
        HttpResponse<byte[]> stolen = platform.getBytes(document, other.bearer());
        assertEquals(404, stolen.statusCode());
        assertEquals(404, platform.getBytes("documents/" + UUID.randomUUID(), other.bearer()).statusCode());
        assertEquals(404, platform.get("instructions/" + executed.get("id").asText(), other.bearer()).statusCode());
        assertEquals(404, platform.post("instructions/" + executed.get("id").asText() + "/cancellation", "{}", other.bearer())
                .statusCode());
        assertEquals(401, platform.getBytes(document).statusCode());
        JsonNode mine = ItSupport.json(platform.get("documents", other.bearer()));
        assertEquals(0, mine.get("documents").size());
    }

    @Test
    public void g_staffWorkWaitsInTheQueueWithADeadlineInBusinessDays() throws Exception {
        // Wednesday 25 Nov 2026, 10:00 in Almaty
        NOW.set(Instant.parse("2026-11-25T05:00:00Z"));
        ItSupport.forgetOperatorSession();
        try {
            Client client = newClient();
            Instruction created = instructions().submit(new NewInstruction(STAFF_SERVICE, "phone-change", client.clientId(),
                    Map.of("phone", "+77017777777"), kz.qyzmet.common.api.LocalizedText.of("Телефонды өзгерту", "Смена телефона",
                            "Phone change")), session(client), caller(client)).instruction();
            HttpResponse<String> confirmed = confirm(client, created.id(), latestChallenge(created.id()), code(client));
            JsonNode accepted = ItSupport.json(confirmed);
            assertEquals(confirmed.body(), "ACCEPTED", accepted.get("status").asText());
            // 3 business days after Wednesday 25 Nov → the end of Monday 30 Nov, Almaty time (§7.2)
            assertEquals("2026-11-30T19:00:00Z", accepted.get("dueBy").asText());
            JsonNode queue = ItSupport.json(platform.operatorGet("operator/queue?service=" + STAFF_SERVICE));
            assertTrue(queue.toString().contains(created.id()));
            assertEquals(0, ItSupport.json(platform.operatorGet("operator/queue?overdue=true&service=" + STAFF_SERVICE))
                    .get("items").size());

            NOW.set(Instant.parse("2026-11-30T18:59:00Z"));
            ItSupport.forgetOperatorSession();
            assertEquals("a minute before the deadline", 0, ItSupport.json(platform.operatorGet(
                    "operator/queue?overdue=true&service=" + STAFF_SERVICE)).get("items").size());
            NOW.set(Instant.parse("2026-11-30T19:01:00Z"));
            ItSupport.forgetOperatorSession();
            JsonNode overdue = ItSupport.json(platform.operatorGet("operator/queue?overdue=true&service=" + STAFF_SERVICE));
            assertEquals(1, overdue.get("items").size());
            assertTrue(overdue.get("items").get(0).get("overdue").asBoolean());

            assertEquals(200, platform.operatorPost("operator/queue/" + created.id() + "/take", "{}").statusCode());
            assertEquals("taken once", 409, platform.operatorPost("operator/queue/" + created.id() + "/take", "{}").statusCode());
            HttpResponse<String> noReason = platform.operatorPost("operator/queue/" + created.id() + "/reject",
                    "{\"reason\":{\"kk\":\"\",\"ru\":\"Нет документа\",\"en\":\"No document\"}}");
            assertEquals("§29: the reason in every language", 400, noReason.statusCode());
            HttpResponse<String> rejected = platform.operatorPost("operator/queue/" + created.id() + "/reject",
                    "{\"reason\":{\"kk\":\"Құжат жоқ\",\"ru\":\"Нет документа\",\"en\":\"No document\"}}");
            assertEquals(rejected.body(), "REJECTED", ItSupport.json(rejected).get("status").asText());
            Instruction seen = instructions().find(created.id()).orElseThrow();
            assertEquals("Құжат жоқ", seen.reason().kk());
            assertEquals("a finished instruction leaves the queue", 0, ItSupport.json(platform.operatorGet(
                    "operator/queue?service=" + STAFF_SERVICE)).get("items").size());
        } finally {
            NOW.set(Instant.now());
            ItSupport.forgetOperatorSession();
        }
    }

    @Test
    public void h_aCancellationInstructionCancelsWhatIsNotYetExecuted() throws Exception {
        Client client = newClient();
        Instruction queued = instructions().submit(new NewInstruction(STAFF_SERVICE, "address-change", client.clientId(),
                Map.of("address", "Алматы, Абай 1"), kz.qyzmet.common.api.LocalizedText.of("Мекенжай", "Адрес", "Address")),
                session(client), caller(client)).instruction();
        assertEquals(200, confirm(client, queued.id(), latestChallenge(queued.id()), code(client)).statusCode());
        HttpResponse<String> cancellation = platform.post("instructions/" + queued.id() + "/cancellation", "{}", client.bearer());
        assertEquals(cancellation.body(), 200, cancellation.statusCode());
        String cancellationId = ItSupport.json(cancellation).get("id").asText();
        JsonNode challenge = ItSupport.json(platform.post("instructions/" + cancellationId + "/confirmation", "{}",
                client.bearer()));
        HttpResponse<String> done = confirm(client, cancellationId, challenge.get("challengeId").asText(), code(client));
        assertEquals(done.body(), "EXECUTED", ItSupport.json(done).get("status").asText());
        assertEquals("CANCELLED", ItSupport.json(platform.get("instructions/" + queued.id(), client.bearer())).get("status")
                .asText());
        // an executed instruction cannot be cancelled any more
        JsonNode executed = extract(client);
        assertEquals(409, platform.post("instructions/" + executed.get("id").asText() + "/cancellation", "{}", client.bearer())
                .statusCode());
    }

    @Test
    public void i_aDisabledServiceRefusesWithTheOperatorsReason() throws Exception {
        Client client = newClient();
        JsonNode pending = requestExtract(client, "{}");
        String reason = "{\"state\":\"DISABLED\",\"reason\":{\"kk\":\"Техникалық жұмыстар\",\"ru\":\"Технические работы\","
                + "\"en\":\"Maintenance works\"}}";
        assertEquals(200, platform.operatorPut("operator/services/extract/state", reason).statusCode());
        try {
            ItSupport.await(Duration.ofSeconds(10), "the extract is disabled", () -> {
                try {
                    return platform.post("services/extract/requests", "{}", client.bearer()).statusCode() == 503;
                } catch (Exception e) {
                    return false;
                }
            });
            HttpResponse<String> refused = platform.post("services/extract/requests", "{}", client.bearer());
            assertTrue(ItSupport.json(refused).get("detail").asText().contains("Технические работы"));
            HttpResponse<String> confirming = confirm(client, pending.get("instruction").get("id").asText(),
                    pending.get("confirmation").get("challengeId").asText(), code(client));
            assertEquals(503, confirming.statusCode());
            assertTrue(ItSupport.json(confirming).get("detail").asText().contains("Технические работы"));
        } finally {
            assertEquals(200, platform.operatorPut("operator/services/extract/state", "{\"state\":\"ENABLED\"}").statusCode());
        }
    }

    @Test
    public void j_aManagerPreparesAnInstructionAndOnlyTheClientsCodeSignsIt() throws Exception {
        Client client = newClient();
        Client other = newClient();
        HttpResponse<String> prepared = platform.operatorPost("operator/instructions", "{\"serviceId\":\"extract\","
                + "\"kind\":\"account-extract\",\"clientId\":\"" + client.clientId() + "\",\"account\":\"" + client.clientId()
                + "\",\"parameters\":{\"account\":\"" + client.clientId() + "\",\"language\":\"ru\"},\"summary\":{\"kk\":"
                + "\"Клиенттің өтініші бойынша үзінді\",\"ru\":\"Выписка по просьбе клиента\",\"en\":\"Extract at the client's"
                + " request\"}}");
        assertEquals(prepared.body(), 200, prepared.statusCode());
        JsonNode submission = ItSupport.json(prepared);
        String id = submission.get("instruction").get("id").asText();
        assertEquals("admin", submission.get("instruction").get("preparedBy").asText());
        assertEquals("AWAITING_CONFIRMATION", submission.get("instruction").get("status").asText());
        // §35.3: the code went to the client's registered phone, with what it signs
        String code = platform.latestCode(client.phone());
        assertTrue(platform.messagesTo(client.phone()).get(platform.messagesTo(client.phone()).size() - 1).text()
                .contains("просьбе клиента") || platform.messagesTo(client.phone()).get(platform.messagesTo(client.phone()).size()
                        - 1).text().contains("үзінді"));
        String challenge = submission.get("confirmation").get("challengeId").asText();
        assertEquals("another client cannot even see it", 404, confirm(other, id, challenge, code).statusCode());
        HttpResponse<String> signed = confirm(client, id, challenge, code);
        assertEquals(signed.body(), "EXECUTED", ItSupport.json(signed).get("status").asText());
        String form = text(download(client, ItSupport.json(signed).get("form").asText()));
        assertTrue("the form names who prepared it: " + form, form.contains("admin"));
        // a client cannot use the managers' door
        assertEquals(403, platform.post("operator/instructions", "{}", client.bearer()).statusCode());
    }

    @Test
    public void k_codesAreRateLimitedPerPurposeAndConfirmationsHaveTheirOwnLimit() throws Exception {
        Client client = newClient(); // one security-session code sent already
        // a second login session of the same client (not raised yet) asks for more security-session codes
        String[] loginOnly = { "Authorization", "Bearer " + ItSupport.json(platform.post("auth/login", "{\"identifier\":\""
                + client.login() + "\",\"password\":\"" + PASSWORD + "\",\"client\":\"app\"}")).get("token").asText() };
        for (int sent = 2; sent <= 5; sent++) {
            assertEquals(202, platform.post("auth/security-session/code", "{\"channel\":\"sms\"}", loginOnly).statusCode());
        }
        HttpResponse<String> sixth = platform.post("auth/security-session/code", "{\"channel\":\"sms\"}", loginOnly);
        assertEquals(sixth.body(), 429, sixth.statusCode());
        assertEquals("https://qyzmet.kz/problems/auth/code-rate-limited", ItSupport.json(sixth).get("type").asText());
        // one confirmation code per instruction: a client giving many instructions an hour is not stopped at five
        for (int instruction = 1; instruction <= 8; instruction++) {
            HttpResponse<String> requested = platform.post("services/extract/requests", "{}", client.bearer());
            assertEquals(requested.body(), 201, requested.statusCode());
        }
        // an hour later the security-session codes flow again
        NOW.set(NOW.get().plus(Duration.ofMinutes(61)));
        try {
            String token = ItSupport.json(platform.post("auth/login", "{\"identifier\":\"" + client.login() + "\",\"password\":\""
                    + PASSWORD + "\",\"client\":\"app\"}")).get("token").asText();
            assertEquals(202, platform.post("auth/security-session/code", "{\"channel\":\"sms\"}", "Authorization",
                    "Bearer " + token).statusCode());
        } finally {
            NOW.set(Instant.now());
            ItSupport.forgetOperatorSession();
        }
    }

    /** Issue #13: public verifications are limited per address (429 with Retry-After), and the limit lifts next minute. */
    @Test
    public void y_publicVerificationIsLimitedPerAddress() throws Exception {
        String unknown = "documents/verification?sha256=" + "0".repeat(64);
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            HttpResponse<String> answer = platform.get(unknown, "Accept-Language", "ru");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(answer.body(), 200, answer.statusCode());
            }
        }
        assertNotNull("the 31st lookup in a minute is refused", refused);
        assertEquals("too-many-requests", ItSupport.json(refused).get("type").asText().replaceAll(".*/", ""));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals("ru", ItSupport.json(refused).get("language").asText());
        NOW.set(NOW.get().plus(Duration.ofMinutes(1)));
        assertEquals(200, platform.get(unknown).statusCode());
    }

    @Test
    public void z_uninstallingTheExtractBundleRemovesItWhileTheRestKeepsWorking() throws Exception {
        Client client = newClient();
        JsonNode earlier = extract(client);
        Bundle extract = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals("qyzmet.service.extract")).findFirst().orElseThrow();
        String location = extract.getLocation();
        extract.uninstall();
        try {
            ItSupport.await(Duration.ofSeconds(15), "the extract leaves the catalog", () -> {
                try {
                    return !platform.get("catalog").body().contains("\"extract\"");
                } catch (Exception e) {
                    return false;
                }
            });
            ItSupport.await(Duration.ofSeconds(15), "its endpoints are gone", () -> {
                try {
                    return platform.post("services/extract/requests", "{}", client.bearer()).statusCode() == 404;
                } catch (Exception e) {
                    return false;
                }
            });
            // documents, instructions and verification keep working
            byte[] pdf = download(client, earlier.get("documents").get(0).asText());
            assertTrue(ItSupport.json(platform.postBytes("documents/verification", pdf, "application/pdf")).get("genuine")
                    .asBoolean());
            assertEquals(200, platform.get("instructions/" + earlier.get("id").asText(), client.bearer()).statusCode());
        } finally {
            context.installBundle(location).start();
        }
        ItSupport.await(Duration.ofSeconds(15), "the extract is back", () -> {
            try {
                return platform.get("catalog").body().contains("\"extract\"");
            } catch (Exception e) {
                return false;
            }
        });
        ItSupport.await(Duration.ofSeconds(15), "its endpoints are back", () -> {
            try {
                return platform.post("services/extract/requests", "{}", client.bearer()).statusCode() == 201;
            } catch (Exception e) {
                return false;
            }
        });
        assertNotNull(extract(client).get("documents").get(0));
    }

    private kz.qyzmet.instructions.api.Instructions instructions() {
        return context.getService(context.getServiceReference(kz.qyzmet.instructions.api.Instructions.class));
    }

    private kz.qyzmet.auth.api.Session session(Client client) throws Exception {
        String id = ItSupport.json(platform.get("auth/session", client.bearer())).get("id").asText();
        kz.qyzmet.auth.api.Sessions sessions = context.getService(context.getServiceReference(kz.qyzmet.auth.api.Sessions.class));
        return sessions.find(id).orElseThrow();
    }

    private static Caller caller(Client client) {
        return new Caller(client.login(), "client", "127.0.0.1", "it", UUID.randomUUID().toString());
    }

    /** The challenge of the instruction's latest code, as the auth core recorded it. */
    private String latestChallenge(String instructionId) throws Exception {
        try (Connection connection = mainStore().getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT challenge_id FROM instr_instruction WHERE id = '" + instructionId + "'")) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

}
