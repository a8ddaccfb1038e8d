package kz.qyzmet.trading.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An exchange as the trading core sees it: a FIX 4.4 session in production, the
 * simulated exchange in dev, demo and tests. Register one as an OSGi service with
 * {@value #NAME_PROPERTY}; its answers go to the {@link ExecutionReports} service.
 * Every request carries its own client order id, unique for ever: a request sent
 * again after a restart must not be executed twice (the exchange refuses a
 * duplicate id, or answers with what it did).
 */
@ConsumerType
public interface ExchangeGateway {

    /** Service property: the gateway's name, recorded with every order sent through it. */
    String NAME_PROPERTY = "qyzmet.exchange.gateway";

    /** Whether it can take requests now (a FIX session logged on). */
    boolean connected();

    /** FIX NewOrderSingle (35=D). */
    void send(NewOrder order);

    /** FIX OrderCancelRequest (35=F). */
    void cancel(CancelOrder cancel);

    /** FIX OrderCancelReplaceRequest (35=G). */
    void replace(ReplaceOrder replace);

    /**
     * A new order.
     *
     * @param clientOrderId unique id of this request (FIX ClOrdID)
     * @param isin          the security (SecurityID, IDSource ISIN)
     * @param account       the broker's account for the client at the exchange
     * @param quantity      units (OrderQty)
     */
    record NewOrder(String clientOrderId, String isin, String account, Side side, OrderType type, TimeInForce timeInForce,
            long quantity, BigDecimal limitPrice, BigDecimal stopPrice, Instant transactTime) {
    }

    /** Cancel the order first sent as {@code originalClientOrderId}. */
    record CancelOrder(String clientOrderId, String originalClientOrderId, String isin, Side side, long quantity,
            Instant transactTime) {
    }

    /** Replace the order first sent as {@code originalClientOrderId} with a new total size and prices. */
    record ReplaceOrder(String clientOrderId, String originalClientOrderId, String isin, String account, Side side,
            OrderType type, TimeInForce timeInForce, long quantity, BigDecimal limitPrice, BigDecimal stopPrice,
            Instant transactTime) {
    }
}
