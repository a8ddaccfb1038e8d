package kz.qyzmet.trading.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of prices: the simulated exchange in dev and demo, a real feed's
 * adapter in production. The trading core uses the last price for the hold of a
 * market or stop order; the cabinet shows the quotes.
 */
@ConsumerType
public interface MarketData {
    Optional<Quote> quote(String isin);
}
