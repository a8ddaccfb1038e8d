package kz.qyzmet.trading.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The trading core's tariff, checks and accounts, PID {@code kz.qyzmet.trading} (settings {@code qyzmet.trading.*}). */
@ObjectClassDefinition(name = "Qyzmet trading")
public @interface TradingConfiguration {

    @AttributeDefinition(description = "The broker's fee per deal, percent of its amount (e.g. 0.05)")
    String fee_percent() default "0.05";

    @AttributeDefinition(description = "Least fee per order, CODE=amount (e.g. KZT=100); a currency not named has none")
    String[] fee_minimum() default { "KZT=100", "USD=1", "EUR=1", "RUB=20" };

    @AttributeDefinition(description = "Price collar of market and stop orders, percent from the last price: a buy is held"
            + " and sent with this limit above it, a sell with this limit below it")
    String price_collar_percent() default "5";

    @AttributeDefinition(description = "The exchange's clearing account (EXTERNAL on the ledger): counterpart of every deal")
    String clearing_account() default "EXT-EXCHANGE";

    @AttributeDefinition(description = "The broker's account that receives the fees (BROKER on the ledger)")
    String fee_account() default "BROKER-OWN";

    @AttributeDefinition(description = "Business days from a deal's trade date to its settlement date (T+2; T+0 in demo)")
    int settlement_days() default 2;

    @AttributeDefinition(description = "The days the exchange trades, Almaty time (MONDAY..SUNDAY)")
    String[] trading_days() default { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" };

    @AttributeDefinition(description = "The exchange gateway to send orders through (its qyzmet.exchange.gateway name);"
            + " empty: the highest ranked one")
    String gateway() default "";

    @AttributeDefinition(description = "Largest order, in lots")
    long max_lots() default 1_000_000;
}
