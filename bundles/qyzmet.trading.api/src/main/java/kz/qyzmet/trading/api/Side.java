package kz.qyzmet.trading.api;

/** Which way an order goes. */
public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
