package kz.qyzmet.payments.iso20022.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The ISO 20022 file gateway, PID {@code kz.qyzmet.bankfiles} (settings
 * {@code qyzmet.bankfiles.*}); without an outbox the gateway is not offered.
 */
@ObjectClassDefinition(name = "Qyzmet bank files (ISO 20022)")
public @interface BankFilesConfiguration {

    @AttributeDefinition(description = "Directory the pain.001 credit-transfer files are written to (the bank's upload folder)")
    String outbox();

    @AttributeDefinition(description = "Directory the bank's pain.002 status reports are read from")
    String inbox();

    @AttributeDefinition(description = "The broker as the debtor: its name")
    String debtor_name();

    @AttributeDefinition(description = "The broker's account the payments are made from (IBAN)")
    String debtor_iban();

    @AttributeDefinition(description = "The broker's bank (BIC)")
    String debtor_bic();
}
