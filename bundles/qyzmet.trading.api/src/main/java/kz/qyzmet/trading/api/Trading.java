package kz.qyzmet.trading.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Clients' orders. Every check runs before anything leaves the broker: the
 * instrument, trading hours, lot and tick, and the money (§30.2) or securities
 * (§30.1, §30.3) set aside on the account by a ledger hold. Refusals are
 * {@code ProblemException}s with the reason in kk, ru and en. Placing,
 * cancelling and replacing join the caller's open transaction; the order goes
 * to the exchange once it commits.
 */
@ProviderType
public interface Trading {

    /** Runs the pre-trade checks without holding anything: what the client is about to confirm. */
    Estimate estimate(OrderTicket ticket);

    /** Checks, holds and places the order; it goes to the exchange after the caller's transaction commits. */
    Order place(OrderTicket ticket);

    /**
     * Asks the exchange to cancel the client's working order; the order's events
     * say how it ended. {@code reference} is carried by those events.
     */
    Order cancel(String orderId, String clientId, String reference, String actor);

    /**
     * Asks the exchange to replace the client's working order with the amendment,
     * the hold grown (checked as a new order) or shrunk to match.
     */
    Order replace(String orderId, String clientId, Amendment amendment, String reference, String actor);

    /** The client's order; another's does not exist for them. */
    Optional<Order> order(String clientId, String orderId);

    /** The client's orders, newest first. */
    List<Order> orders(String clientId, int limit);

    /** The client's deals executed in [{@code from}, {@code to}), oldest first. */
    List<Deal> deals(String clientId, Instant from, Instant to);

    /** The deals of one order, oldest first. */
    List<Deal> dealsOf(String orderId);
}
