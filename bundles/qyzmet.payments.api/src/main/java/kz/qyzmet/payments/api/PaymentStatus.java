package kz.qyzmet.payments.api;

import java.time.Instant;

/**
 * What the bank says of one payment.
 *
 * @param paymentId     the order's end-to-end id
 * @param state         pending, settled or rejected
 * @param bankReference the bank's own reference of the payment or of its status report, or null
 * @param reasonCode    for a rejection, the ISO 20022 status reason code (e.g. {@code AC04} closed account), else null
 * @param reasonText    for a rejection, the bank's words, else null
 * @param at            when the bank reported it
 */
public record PaymentStatus(String paymentId, PaymentState state, String bankReference, String reasonCode, String reasonText,
        Instant at) {

    public static PaymentStatus pending(String paymentId, Instant at) {
        return new PaymentStatus(paymentId, PaymentState.PENDING, null, null, null, at);
    }
}
