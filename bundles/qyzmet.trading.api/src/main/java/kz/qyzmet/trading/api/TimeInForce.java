package kz.qyzmet.trading.api;

/** How long an order stays in the book. */
public enum TimeInForce {
    /** Until the end of the trading day; what is left then expires. */
    DAY,
    /** Until cancelled. */
    GTC,
    /** Immediate or cancel: what does not trade at once is cancelled. */
    IOC
}
