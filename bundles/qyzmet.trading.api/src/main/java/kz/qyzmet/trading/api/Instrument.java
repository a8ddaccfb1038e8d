package kz.qyzmet.trading.api;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A security the broker trades, in one version of its definition: operators load
 * new versions (a changed lot or tick size, new hours) and orders record the
 * version they were checked against.
 *
 * @param isin     the security's ISIN, its asset code on the ledger
 * @param ticker   the exchange's ticker
 * @param market   the exchange (or board) it trades on
 * @param name     the security's name
 * @param currency ISO 4217 code of its price
 * @param lotSize  units of the security per lot; orders are in lots
 * @param tickSize the smallest price step
 * @param opens    when trading opens, Almaty time
 * @param closes   when trading closes, Almaty time
 * @param version  1 for the first definition, one more for each change
 */
public record Instrument(String isin, String ticker, String market, String name, String currency, int lotSize,
        BigDecimal tickSize, LocalTime opens, LocalTime closes, int version) {

    public Instrument {
        Objects.requireNonNull(isin, "isin");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }

    /** Whether {@code price} is a whole number of ticks. */
    public boolean onTick(BigDecimal price) {
        return price.signum() > 0 && price.remainder(tickSize).signum() == 0;
    }

    /** Whether trading is open at that Almaty time of a trading day. */
    public boolean openAt(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    /** The same definition as {@code other}, whatever their versions. */
    public boolean sameDefinition(Instrument other) {
        return isin.equals(other.isin) && ticker.equals(other.ticker) && Objects.equals(market, other.market)
                && Objects.equals(name, other.name) && currency.equals(other.currency) && lotSize == other.lotSize
                && tickSize.compareTo(other.tickSize) == 0 && opens.equals(other.opens) && closes.equals(other.closes);
    }
}
