package kz.qyzmet.trading.api;

/** Where an order stands, as the exchange's execution reports move it (FIX 4.4 OrdStatus). */
public enum OrderState {
    /** Checked and held, sent (or about to be) to the exchange, not yet acknowledged. */
    PENDING_NEW,
    /** In the exchange's book. */
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    /** Cancelled, by the client or by the exchange (an IOC or market remainder). */
    CANCELLED,
    /** Refused by the exchange, with its reason. */
    REJECTED,
    /** A day order left at the close. */
    EXPIRED;

    /** No further fills: its hold is closed. */
    public boolean isFinal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    /** Still in the book (or on its way): it can be cancelled or changed. */
    public boolean isWorking() {
        return this == PENDING_NEW || this == NEW || this == PARTIALLY_FILLED;
    }
}
