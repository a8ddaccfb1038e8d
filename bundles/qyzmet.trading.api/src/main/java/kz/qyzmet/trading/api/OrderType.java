package kz.qyzmet.trading.api;

/** How an order is priced. */
public enum OrderType {
    /** At the best prices in the book now; the broker holds money up to the price collar. */
    MARKET,
    /** At the limit price or better. */
    LIMIT,
    /** Becomes a market order once a trade reaches the stop price. */
    STOP,
    /** Becomes a limit order once a trade reaches the stop price. */
    STOP_LIMIT;

    public boolean hasLimit() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    public boolean hasStop() {
        return this == STOP || this == STOP_LIMIT;
    }
}
