package kz.qyzmet.payments.iso20022.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.qyzmet.payments.api.PaymentOrder;
import kz.qyzmet.payments.api.PaymentState;
import kz.qyzmet.payments.api.PaymentStatus;

/** The bank files against the ISO 20022 schemas themselves (issue #15), and the gateway's pay-once behaviour. */
class BankFilesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T06:30:00Z");
    private static final PaymentOrder ORDER = new PaymentOrder("CI-2026-000042", "DEMO-0001", "Айгерім Серікқызы & Co <test>",
            "KZ86601A861000000001", "HSBKKZKX", new BigDecimal("100000.00"), "KZT", "Savings / CI-2026-000042",
            LocalDate.of(2026, 12, 2));
    private static final CreditTransferFile.Debtor BROKER = new CreditTransferFile.Debtor("Freedom Broker JSC",
            "KZ92722C000011111112", "CASPKZKA");

    @TempDir
    Path directory;

    private static Validator validator(String schema) throws Exception {
        java.net.URL xsd = BankFilesTest.class.getResource("/" + schema);
        assertNotNull(xsd, schema + " on the test class path (hbci4j-core)");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(xsd).newValidator();
    }

    @Test
    void theCreditTransferFileIsValidPain001AndCarriesTheOrderExactly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CreditTransferFile.write(ORDER, BROKER, NOW, out);
        validator("pain.001.001.09.xsd").validate(new StreamSource(new ByteArrayInputStream(out.toByteArray())));
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("<EndToEndId>CI-2026-000042</EndToEndId>"), xml);
        assertTrue(xml.contains("<InstdAmt Ccy=\"KZT\">100000.00</InstdAmt>"), xml);
        assertTrue(xml.contains("<IBAN>KZ86601A861000000001</IBAN>"), xml);
        assertTrue(xml.contains("Айгерім Серікқызы &amp; Co &lt;test&gt;"), "names are escaped, not markup: " + xml);
    }

    @Test
    void aBrokenFileIsWhatTheSchemaRefuses() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CreditTransferFile.write(ORDER, BROKER, NOW, out);
        String broken = out.toString(StandardCharsets.UTF_8).replace("<PmtMtd>TRF</PmtMtd>", "");
        assertThrows(org.xml.sax.SAXException.class, () -> validator("pain.001.001.09.xsd")
                .validate(new StreamSource(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))));
    }

    static String report(String messageId, String... transactions) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"><CstmrPmtStsRpt><GrpHdr><MsgId>" + messageId
                + "</MsgId><CreDtTm>2026-12-02T12:00:00</CreDtTm></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>BATCH</OrgnlMsgId>"
                + "<OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts><OrgnlPmtInfAndSts><OrgnlPmtInfId>BATCH"
                + "</OrgnlPmtInfId>");
        for (String transaction : transactions) {
            xml.append(transaction);
        }
        return xml.append("</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>").toString();
    }

    static String transaction(String endToEnd, String status, String reason, String text) {
        return "<TxInfAndSts><OrgnlEndToEndId>" + endToEnd + "</OrgnlEndToEndId><TxSts>" + status + "</TxSts>"
                + (reason == null ? "" : "<StsRsnInf><Rsn><Cd>" + reason + "</Cd></Rsn><AddtlInf>" + text
                        + "</AddtlInf></StsRsnInf>") + "</TxInfAndSts>";
    }

    @Test
    void statusReportsAreReadPerTransaction() throws Exception {
        String xml = report("BANK-77", transaction("CI-1", "ACSC", null, null), transaction("CI-2", "RJCT", "AC04",
                "Account closed"), transaction("CI-3", "ACSP", null, null));
        validator("pain.002.001.10.xsd").validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        Map<String, PaymentStatus> answers = StatusReports.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "report.xml", NOW);
        assertEquals(PaymentState.SETTLED, answers.get("CI-1").state());
        assertEquals("report.xml#BANK-77", answers.get("CI-1").bankReference());
        assertEquals(PaymentState.REJECTED, answers.get("CI-2").state());
        assertEquals("AC04", answers.get("CI-2").reasonCode());
        assertEquals("Account closed", answers.get("CI-2").reasonText());
        assertEquals(PaymentState.PENDING, answers.get("CI-3").state());
    }

    @Test
    void aReportWithAnExternalEntityIsRefusedNotResolved() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + report("M", transaction("&x;", "ACSC", null, null)).substring(38);
        assertThrows(Exception.class, () -> StatusReports.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "evil.xml", NOW));
    }

    @Test
    void theGatewayWritesEachOrderOnceAndAnswersFromTheInbox() throws Exception {
        Path outbox = directory.resolve("out");
        Path inbox = directory.resolve("in");
        BankFilesGateway gateway = new BankFilesGateway(configuration(outbox, inbox));
        String name = gateway.submit(ORDER, NOW);
        byte[] first = Files.readAllBytes(outbox.resolve(name));
        assertEquals(name, gateway.submit(ORDER, NOW.plusSeconds(60)), "sent again");
        assertEquals(new String(first, StandardCharsets.UTF_8), Files.readString(outbox.resolve(name)),
                "the file is not rewritten: the bank pays an order once");
        assertEquals(1, Files.list(outbox).count(), "no partial file is left");
        assertEquals(PaymentState.PENDING, gateway.status(ORDER, NOW, NOW).state());
        Files.writeString(inbox.resolve("pain002-1.xml"), report("B-1", transaction(ORDER.id(), "RJCT", "AM02", "Too much")));
        PaymentStatus rejected = gateway.status(ORDER, NOW, NOW);
        assertEquals(PaymentState.REJECTED, rejected.state());
        assertEquals("AM02", rejected.reasonCode());
    }

    private static BankFilesConfiguration configuration(Path outbox, Path inbox) {
        return new BankFilesConfiguration() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return BankFilesConfiguration.class;
            }

            @Override
            public String outbox() {
                return outbox.toString();
            }

            @Override
            public String inbox() {
                return inbox.toString();
            }

            @Override
            public String debtor_name() {
                return BROKER.name();
            }

            @Override
            public String debtor_iban() {
                return BROKER.iban();
            }

            @Override
            public String debtor_bic() {
                return BROKER.bic();
            }
        };
    }
}
