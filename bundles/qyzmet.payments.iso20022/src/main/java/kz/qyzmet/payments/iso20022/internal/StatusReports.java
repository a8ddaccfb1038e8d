package kz.qyzmet.payments.iso20022.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import kz.qyzmet.payments.api.PaymentState;
import kz.qyzmet.payments.api.PaymentStatus;

/**
 * The bank's ISO 20022 {@code pain.002} customer payment status reports: per
 * original end-to-end id, the transaction's status ({@code ACSC}, {@code ACCC},
 * {@code ACWC}: paid; {@code RJCT}: rejected, with the reason code and the
 * bank's words; anything else: still in process). A report that rejects the
 * whole group rejects every transaction it names. External entities are off.
 */
final class StatusReports {
    private StatusReports() {
    }

    /** Every answer found in the reports of {@code inbox}, by end-to-end id; a final answer wins over a pending one. */
    static Map<String, PaymentStatus> read(Path inbox) throws IOException {
        Map<String, PaymentStatus> answers = new HashMap<>();
        if (inbox == null || !Files.isDirectory(inbox)) {
            return answers;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox, "*.xml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    Instant at = Files.getLastModifiedTime(file).toInstant();
                    read(in, file.getFileName().toString(), at).forEach((id, status) -> answers.merge(id, status,
                            (earlier, later) -> earlier.state().isFinal() ? earlier : later));
                } catch (XMLStreamException malformed) {
                    throw new IOException("the status report " + file + " is not readable XML: " + malformed.getMessage(),
                            malformed);
                }
            }
        }
        return answers;
    }

    static Map<String, PaymentStatus> read(InputStream in, String reportName, Instant at) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        Map<String, PaymentStatus> answers = new HashMap<>();
        String messageId = null;
        String groupStatus = null;
        String groupReason = null;
        String endToEnd = null;
        String status = null;
        String reason = null;
        String text = null;
        boolean inTransaction = false;
        StringBuilder path = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                path.append('/').append(name);
                if (name.equals("TxInfAndSts")) {
                    inTransaction = true;
                    endToEnd = status = reason = text = null;
                }
            } else if (event == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace()) {
                String value = xml.getText().strip();
                String where = path.toString();
                if (where.endsWith("/GrpHdr/MsgId")) {
                    messageId = value;
                } else if (where.endsWith("/OrgnlGrpInfAndSts/GrpSts")) {
                    groupStatus = value;
                } else if (where.endsWith("/OrgnlGrpInfAndSts/StsRsnInf/Rsn/Cd")) {
                    groupReason = value;
                } else if (inTransaction && where.endsWith("/OrgnlEndToEndId")) {
                    endToEnd = value;
                } else if (inTransaction && where.endsWith("/TxInfAndSts/TxSts")) {
                    status = value;
                } else if (inTransaction && where.endsWith("/StsRsnInf/Rsn/Cd")) {
                    reason = value;
                } else if (inTransaction && where.endsWith("/StsRsnInf/AddtlInf")) {
                    text = text == null ? value : text + " " + value;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("TxInfAndSts") && endToEnd != null) {
                    String effective = status != null ? status : groupStatus;
                    answers.put(endToEnd, status(endToEnd, effective, reason != null ? reason : groupReason, text,
                            reportName + (messageId == null ? "" : "#" + messageId), at));
                    inTransaction = false;
                }
                path.setLength(path.lastIndexOf("/"));
            }
        }
        return answers;
    }

    private static PaymentStatus status(String id, String code, String reason, String text, String reference, Instant at) {
        PaymentState state = switch (Optional.ofNullable(code).orElse("")) {
        case "ACSC", "ACCC", "ACWC" -> PaymentState.SETTLED;
        case "RJCT" -> PaymentState.REJECTED;
        default -> PaymentState.PENDING;
        };
        return state == PaymentState.REJECTED ? new PaymentStatus(id, state, reference, reason == null ? "NARR" : reason,
                text, at) : new PaymentStatus(id, state, reference, null, null, at);
    }
}
