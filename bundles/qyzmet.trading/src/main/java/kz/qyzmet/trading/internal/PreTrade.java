package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.ProblemType;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.trading.api.Estimate;
import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;

/**
 * The checks an order passes before anything is held or sent (issue #17, rules
 * §30): trading hours, lots, ticks, prices that belong to its type; and what it
 * holds. A market or stop order goes out with a limit at the collar from the
 * last price or the stop, so the hold always covers what the exchange can fill.
 * Pure: the ledger's checks (§30.1–§30.3) follow when the hold is placed.
 */
final class PreTrade {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final ProblemType MARKET_CLOSED = new ProblemType("market-closed", LocalizedText.of("Сауда жабық",
            "Торги закрыты", "Trading is closed"));
    static final ProblemType NO_PRICE = new ProblemType("no-market-price", LocalizedText.of("Нарықтық баға жоқ",
            "Нет рыночной цены", "No market price"));

    private final Tariff tariff;
    private final Set<DayOfWeek> tradingDays;
    private final long maxLots;

    PreTrade(Tariff tariff, Set<DayOfWeek> tradingDays, long maxLots) {
        this.tariff = tariff;
        this.tradingDays = Set.copyOf(tradingDays);
        this.maxLots = maxLots;
    }

    Tariff tariff() {
        return tariff;
    }

    /** The terms an order goes to the exchange with, and what it holds. */
    record Terms(Estimate estimate, OrderType sentType, BigDecimal sentLimit, BigDecimal stopPrice) {
    }

    /**
     * Checks an order of {@code lots} and computes its terms.
     *
     * @param last       the last price (market data), null when none
     * @param scale      the currency's minor-unit scale
     * @param filled     units of the order filled already (a replace), else 0
     * @param filledAmount what those fills cost, else 0
     */
    Terms check(Instrument instrument, Side side, OrderType type, long lots, BigDecimal limit, BigDecimal stop,
            BigDecimal last, Instant now, int scale, long filled, BigDecimal filledAmount) {
        ZonedDateTime local = now.atZone(ALMATY);
        boolean allDay = instrument.opens().equals(instrument.closes());
        if (!tradingDays.contains(local.getDayOfWeek()) || !allDay && !instrument.openAt(local.toLocalTime())) {
            throw new ProblemException(409, MARKET_CLOSED, LocalizedText.of(
                    "{ticker} саудасы {opens}–{closes} (Алматы уақыты) аралығында, сауда күндері жүреді: қазір жабық.",
                    "Торги {ticker} идут с {opens} до {closes} по времени Алматы в торговые дни: сейчас закрыты.",
                    "{ticker} trades {opens}–{closes} Almaty time on trading days: it is closed now.").format(Map.of(
                            "ticker", instrument.ticker(), "opens", instrument.opens().toString(),
                            "closes", instrument.closes().toString())), Map.of("reason", "MARKET_CLOSED"), Map.of());
        }
        if (lots <= 0 || lots > maxLots) {
            throw Requests.invalid("lots", LocalizedText.of("Лот саны 1-ден {max}-ға дейін бүтін сан болуы керек"
                    + " (бір лотта {lot} бағалы қағаз).", "Количество лотов — целое число от 1 до {max} (в лоте {lot} бумаг).",
                    "The number of lots must be a whole number from 1 to {max} ({lot} securities per lot).")
                    .format(Map.of("max", maxLots, "lot", instrument.lotSize())));
        }
        if (type.hasLimit()) {
            onTick("limitPrice", limit, instrument);
        } else if (limit != null) {
            throw Requests.invalid("limitPrice", LocalizedText.of("Нарықтық және стоп өтінімде лимит баға болмайды.",
                    "У рыночной и стоп-заявки нет лимитной цены.", "A market or stop order has no limit price."));
        }
        if (type.hasStop()) {
            onTick("stopPrice", stop, instrument);
        } else if (stop != null) {
            throw Requests.invalid("stopPrice", LocalizedText.of("Стоп бағасы тек стоп өтінімде болады.",
                    "Стоп-цена бывает только у стоп-заявки.", "Only a stop order has a stop price."));
        }
        boolean buy = side == Side.BUY;
        OrderType sentType = type;
        BigDecimal sentLimit = limit;
        if (type == OrderType.MARKET) {
            if (last == null) {
                throw new ProblemException(409, NO_PRICE, LocalizedText.of(
                        "{ticker} бойынша соңғы баға жоқ: лимиттік өтінім беріңіз.",
                        "По {ticker} нет последней цены: подайте лимитную заявку.",
                        "There is no last price for {ticker}: place a limit order.").format(Map.of("ticker",
                                instrument.ticker())), Map.of("reason", "NO_MARKET_PRICE"), Map.of());
            }
            sentType = OrderType.LIMIT;
            sentLimit = tariff.collared(last, buy, instrument.tickSize());
        } else if (type == OrderType.STOP) {
            sentType = OrderType.STOP_LIMIT;
            sentLimit = tariff.collared(stop, buy, instrument.tickSize());
        }
        long quantity = Math.multiplyExact(lots, instrument.lotSize());
        if (quantity <= filled) {
            throw Requests.invalid("lots", LocalizedText.of("Жаңа көлем орындалған {filled}-дан көп болуы керек.",
                    "Новый объём должен быть больше исполненных {filled}.", "The new size must be more than the {filled} filled.")
                    .format(Map.of("filled", filled)));
        }
        BigDecimal amount = filledAmount.add(sentLimit.multiply(BigDecimal.valueOf(quantity - filled)))
                .setScale(scale, java.math.RoundingMode.CEILING);
        BigDecimal fee = tariff.fee(amount, instrument.currency(), scale);
        Estimate estimate = buy
                ? new Estimate(instrument, quantity, sentLimit, amount, fee, instrument.currency(), amount.add(fee))
                : new Estimate(instrument, quantity, sentLimit, amount, fee, instrument.isin(), BigDecimal.valueOf(quantity));
        return new Terms(estimate, sentType, sentLimit, stop);
    }

    private static void onTick(String field, BigDecimal price, Instrument instrument) {
        if (price == null || !instrument.onTick(price)) {
            throw Requests.invalid(field, LocalizedText.of("Баға оң және {tick} қадамына еселі болуы керек.",
                    "Цена должна быть положительной и кратной шагу {tick}.",
                    "The price must be positive and a multiple of the tick {tick}.")
                    .format(Map.of("tick", instrument.tickSize().stripTrailingZeros().toPlainString())));
        }
    }
}
