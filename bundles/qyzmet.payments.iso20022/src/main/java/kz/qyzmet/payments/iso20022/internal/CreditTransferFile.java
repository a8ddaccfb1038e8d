package kz.qyzmet.payments.iso20022.internal;

import java.io.OutputStream;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import kz.qyzmet.payments.api.PaymentOrder;

/**
 * One payment order as an ISO 20022 {@code pain.001.001.09} customer credit
 * transfer initiation: one group header, one payment information block (the
 * broker's account as debtor), one transaction whose end-to-end id is the
 * order's id, which the bank's status report carries back.
 */
final class CreditTransferFile {
    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** The broker's side of every payment. */
    record Debtor(String name, String iban, String bic) {
    }

    private CreditTransferFile() {
    }

    static void write(PaymentOrder order, Debtor debtor, Instant createdAt, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        String amount = order.amount().setScale(Math.max(0, order.amount().scale()), RoundingMode.UNNECESSARY).toPlainString();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NAMESPACE);
        xml.writeStartElement(NAMESPACE, "Document");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeStartElement("CstmrCdtTrfInitn");
        xml.writeStartElement("GrpHdr");
        text(xml, "MsgId", order.id());
        text(xml, "CreDtTm", CREATED.format(createdAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        text(xml, "NbOfTxs", "1");
        text(xml, "CtrlSum", amount);
        xml.writeStartElement("InitgPty");
        text(xml, "Nm", limit(debtor.name(), 140));
        xml.writeEndElement();
        xml.writeEndElement();

        xml.writeStartElement("PmtInf");
        text(xml, "PmtInfId", order.id());
        text(xml, "PmtMtd", "TRF");
        text(xml, "NbOfTxs", "1");
        text(xml, "CtrlSum", amount);
        xml.writeStartElement("ReqdExctnDt");
        text(xml, "Dt", order.executionDate().toString());
        xml.writeEndElement();
        party(xml, "Dbtr", debtor.name());
        account(xml, "DbtrAcct", debtor.iban());
        agent(xml, "DbtrAgt", debtor.bic());
        // the broker pays its own bank's charges, the client's bank its own: shared
        text(xml, "ChrgBr", "SHAR");

        xml.writeStartElement("CdtTrfTxInf");
        xml.writeStartElement("PmtId");
        text(xml, "InstrId", order.id());
        text(xml, "EndToEndId", order.id());
        xml.writeEndElement();
        xml.writeStartElement("Amt");
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", order.currency());
        xml.writeCharacters(amount);
        xml.writeEndElement();
        xml.writeEndElement();
        if (order.creditorBic() != null && !order.creditorBic().isBlank()) {
            agent(xml, "CdtrAgt", order.creditorBic());
        }
        party(xml, "Cdtr", order.creditorName());
        account(xml, "CdtrAcct", order.creditorIban());
        if (!order.purpose().isBlank()) {
            xml.writeStartElement("RmtInf");
            text(xml, "Ustrd", limit(order.purpose(), 140));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void party(XMLStreamWriter xml, String element, String name) throws XMLStreamException {
        xml.writeStartElement(element);
        text(xml, "Nm", limit(name, 140));
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void agent(XMLStreamWriter xml, String element, String bic) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        text(xml, "BICFI", bic);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static String limit(String value, int max) {
        String text = value == null || value.isBlank() ? "-" : value.strip();
        return text.length() <= max ? text : text.substring(0, max);
    }
}
