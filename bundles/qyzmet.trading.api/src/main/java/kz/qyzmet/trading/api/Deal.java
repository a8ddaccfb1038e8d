package kz.qyzmet.trading.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One fill of a client's order, as the register of deals lists it (rules §7.3):
 * settled in the ledger by {@code entry}, never changed afterwards.
 *
 * @param id             the broker's deal id
 * @param orderId        the order it filled
 * @param executionId    the exchange's execution id
 * @param clientId       whose
 * @param account        the personal account
 * @param isin           the security
 * @param side           bought or sold
 * @param quantity       units
 * @param price          the price per unit
 * @param amount         price × quantity
 * @param fee            the broker's fee
 * @param currency       of price, amount and fee
 * @param executedAt     when the exchange executed it
 * @param tradeDate      its trading day, Almaty time
 * @param settlementDate the trade date plus the configured settlement days (business days)
 * @param entry          the ledger entry that settled it
 */
public record Deal(String id, String orderId, String executionId, String clientId, String account, String isin, Side side,
        long quantity, BigDecimal price, BigDecimal amount, BigDecimal fee, String currency, Instant executedAt,
        LocalDate tradeDate, LocalDate settlementDate, long entry) {
}
