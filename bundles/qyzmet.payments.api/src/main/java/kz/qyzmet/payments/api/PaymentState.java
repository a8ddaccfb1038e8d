package kz.qyzmet.payments.api;

/** What the bank made of a payment. */
public enum PaymentState {
    /** Sent; the bank has not said yet (or said it is still processing it). */
    PENDING,
    /** The bank paid it: the money left the broker's account. Final. */
    SETTLED,
    /** The bank refused it, with a reason. Final; nothing left the account. */
    REJECTED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
