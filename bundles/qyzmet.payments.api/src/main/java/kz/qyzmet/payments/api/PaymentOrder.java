package kz.qyzmet.payments.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A credit transfer the broker orders its bank to make to a client's own bank
 * account (a withdrawal, issue #15). The debtor is the broker's account at the
 * bank, which the gateway knows from its configuration.
 *
 * @param id            the end-to-end id the bank carries back in its status reports: unique, at most 35 characters
 *                      of {@code [A-Za-z0-9-]} (ISO 20022 {@code EndToEndId})
 * @param clientId      whose money it is
 * @param creditorName  the client's name as the bank account holder
 * @param creditorIban  the client's IBAN
 * @param creditorBic   the client's bank's BIC, or null when the IBAN is enough
 * @param amount        positive, in the currency's minor-unit scale
 * @param currency      ISO 4217
 * @param purpose       the remittance line, at most 140 characters
 * @param executionDate the day the bank is asked to pay on
 */
public record PaymentOrder(String id, String clientId, String creditorName, String creditorIban, String creditorBic,
        BigDecimal amount, String currency, String purpose, LocalDate executionDate) {

    public PaymentOrder {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9-]{1,35}")) {
            throw new IllegalArgumentException("an end-to-end id is 1 to 35 of A-Z a-z 0-9 -: " + id);
        }
        Objects.requireNonNull(creditorIban, "creditorIban");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(executionDate, "executionDate");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment's amount is positive: " + amount);
        }
        purpose = purpose == null ? "" : purpose.length() > 140 ? purpose.substring(0, 140) : purpose;
    }
}
