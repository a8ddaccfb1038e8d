package kz.qyzmet.exchange.simulated.api;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * The simulated exchange as its operator (or a test) drives it: orders of other
 * participants trade with the broker's in the same books. Registered in dev and
 * demo mode only, like the exchange itself.
 */
@ProviderType
public interface SimulatedMarket {

    /** Sets the day's reference price of an instrument (its previous close). */
    void reference(String isin, BigDecimal price);

    /**
     * A participant's order; matched at once, on the exchange's own thread, before
     * anything sent later.
     *
     * @return the order's id for {@link #cancel}
     */
    String submit(String participant, String isin, Side side, OrderType type, TimeInForce timeInForce, long quantity,
            BigDecimal limitPrice, BigDecimal stopPrice);

    /** Cancels a participant's order. */
    void cancel(String isin, String orderId);

    /** The close of the trading day: every day order still open expires. */
    void closeDay();

    /** Units resting at each price on one side of a book, best first. */
    List<Level> depth(String isin, Side side, int levels);

    /** Waits until everything submitted so far has been matched and its reports delivered (tests, the benchmark). */
    void drain();

    record Level(BigDecimal price, long quantity) {
    }
}
