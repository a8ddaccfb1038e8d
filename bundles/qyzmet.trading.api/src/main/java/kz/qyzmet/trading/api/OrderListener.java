package kz.qyzmet.trading.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: services register one to follow orders (the orders service finishes
 * the instruction that placed an order when the exchange accepts or refuses it).
 * Called in the transaction that records the event: what the listener writes
 * commits with it, and a listener that throws rolls the event back to be
 * processed again.
 */
@ConsumerType
public interface OrderListener {
    void changed(OrderEvent event);
}
