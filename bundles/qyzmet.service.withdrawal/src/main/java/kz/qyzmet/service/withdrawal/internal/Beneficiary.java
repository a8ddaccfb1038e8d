package kz.qyzmet.service.withdrawal.internal;

import java.util.Locale;
import java.util.Optional;

import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

import kz.qyzmet.clients.api.Client;
import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/**
 * Where a client's withdrawal may go: only to the client's own bank account on
 * record (issue #15); a new beneficiary is a change of personal data first. The
 * IBAN's country format and check digits are checked (iban4j), for Kazakhstan
 * 20 characters: KZ, two check digits, the bank's three-digit code, 13 of the account.
 *
 * @param name the account holder as the client record names the client
 * @param iban normalised (no spaces, capitals)
 * @param bic  the bank's BIC on record, or null
 */
record Beneficiary(String name, String iban, String bic) {

    /** The client's beneficiary; a refusal naming {@code iban} when there is none or the request names another. */
    static Beneficiary of(Optional<ClientRecords> records, String clientId, String requestedIban) {
        ClientData data = records.flatMap(clients -> clients.find(clientId)).map(Client::data).orElse(null);
        if (data == null || data.bankAccount() == null || data.bankAccount().isBlank()) {
            throw Requests.invalid("iban", LocalizedText.of(
                    "Сіздің банк шотыңыз тіркелмеген: алдымен дербес деректерді өзгерту арқылы оны қосыңыз.",
                    "Ваш банковский счёт не зарегистрирован: сначала добавьте его изменением персональных данных.",
                    "No bank account of yours is on record: add it with a change of personal data first."));
        }
        String onRecord = normalised(data.bankAccount());
        if (requestedIban != null && !requestedIban.isBlank() && !normalised(requestedIban).equals(onRecord)) {
            throw Requests.invalid("iban", LocalizedText.of(
                    "Ақша тек тіркелген шотыңызға ({iban}) шығарылады; жаңа алушы — алдымен дербес деректерді өзгерту.",
                    "Деньги выводятся только на ваш зарегистрированный счёт ({iban}); новый получатель — сначала"
                            + " изменение персональных данных.",
                    "Money goes only to your bank account on record ({iban}); a new beneficiary needs a change of"
                            + " personal data first.").format(java.util.Map.of("iban", onRecord)));
        }
        requireValid(onRecord);
        return new Beneficiary(data.name(), onRecord, data.bankBic());
    }

    static String normalised(String iban) {
        return iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The IBAN's format for its country and its check digits (ISO 13616, mod 97). */
    static void requireValid(String iban) {
        try {
            IbanUtil.validate(iban);
        } catch (Iban4jException | IllegalArgumentException invalid) {
            throw Requests.invalid("iban", LocalizedText.of(
                    "{iban} IBAN қате (ел форматы немесе бақылау сандары).",
                    "IBAN {iban} неверен (формат страны или контрольные цифры).",
                    "IBAN {iban} is not valid (its country's format or check digits).")
                    .format(java.util.Map.of("iban", iban)));
        }
    }
}
