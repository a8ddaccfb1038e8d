package kz.qyzmet.service.orders.internal;

import java.math.BigDecimal;
import java.util.function.Function;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.trading.api.Estimate;
import kz.qyzmet.trading.api.Order;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;

/**
 * What the client confirms for each action (§25.2), in kk, ru and en: the
 * instrument, side, size, prices, time in force, and what is held.
 */
final class OrderTexts {
    private OrderTexts() {
    }

    static LocalizedText place(OrdersService.Request request, Estimate estimate) {
        Function<Language, String> terms = language -> terms(language, Side.valueOf(request.side()),
                OrderType.valueOf(request.type()), request.lots(), estimate.quantity(), estimate.instrument().ticker(),
                request.limitPrice(), request.stopPrice(), estimate.instrument().currency()) + ", " + tif(language,
                        request.timeInForce());
        Function<Language, String> held = language -> plain(estimate.holdAmount()) + " " + estimate.holdAsset();
        return LocalizedText.of(
                terms.apply(Language.KK) + "; резервке " + held.apply(Language.KK) + " (оның ішінде комиссия "
                        + plain(estimate.fee()) + ") (" + request.account() + ")",
                terms.apply(Language.RU) + "; в резерв " + held.apply(Language.RU) + " (в т. ч. комиссия "
                        + plain(estimate.fee()) + ") (" + request.account() + ")",
                terms.apply(Language.EN) + "; held " + held.apply(Language.EN) + " (fee " + plain(estimate.fee())
                        + " included) (" + request.account() + ")");
    }

    static LocalizedText cancel(Order order) {
        String what = order.side() + " " + order.quantity() + " " + order.isin();
        return LocalizedText.of("Өтінімді жою " + order.id() + ": " + what, "Снятие заявки " + order.id() + ": " + what,
                "Cancel order " + order.id() + ": " + what);
    }

    static LocalizedText replace(Order order, long lots, BigDecimal limit, BigDecimal stop) {
        String prices = (limit == null ? "" : ", limit " + plain(limit)) + (stop == null ? "" : ", stop " + plain(stop));
        return LocalizedText.of("Өтінімді өзгерту " + order.id() + " (" + order.side() + " " + order.isin() + "): " + lots
                + " лот" + prices, "Изменение заявки " + order.id() + " (" + order.side() + " " + order.isin() + "): " + lots
                        + " лот." + prices, "Change order " + order.id() + " (" + order.side() + " " + order.isin() + "): "
                                + lots + " lots" + prices);
    }

    private static String terms(Language language, Side side, OrderType type, long lots, long units, String ticker,
            BigDecimal limit, BigDecimal stop, String currency) {
        String sideWord = switch (language) {
        case KK -> side == Side.BUY ? "Сатып алу" : "Сату";
        case RU -> side == Side.BUY ? "Покупка" : "Продажа";
        default -> side == Side.BUY ? "Buy" : "Sell";
        };
        String typeWord = switch (type) {
        case MARKET -> language == Language.KK ? "нарық бағасымен" : language == Language.RU ? "по рынку" : "at market";
        case LIMIT -> (language == Language.KK ? "лимит " : language == Language.RU ? "лимит " : "limit ") + plain(limit) + " "
                + currency;
        case STOP -> (language == Language.EN ? "stop " : "стоп ") + plain(stop) + " " + currency;
        case STOP_LIMIT -> (language == Language.EN ? "stop " : "стоп ") + plain(stop) + ", "
                + (language == Language.EN ? "limit " : "лимит ") + plain(limit) + " " + currency;
        };
        String lotWord = language == Language.EN ? "lots" : language == Language.RU ? "лот." : "лот";
        String unitWord = language == Language.EN ? "units" : language == Language.RU ? "шт." : "дана";
        return sideWord + " " + ticker + ": " + lots + " " + lotWord + " (" + units + " " + unitWord + "), " + typeWord;
    }

    private static String tif(Language language, String timeInForce) {
        return switch (timeInForce == null ? "DAY" : timeInForce) {
        case "GTC" -> language == Language.KK ? "жойылғанша" : language == Language.RU ? "до отмены" : "good till cancelled";
        case "IOC" -> language == Language.KK ? "бірден немесе жою" : language == Language.RU ? "немедленно или снять"
                : "immediate or cancel";
        default -> language == Language.KK ? "күн соңына дейін" : language == Language.RU ? "до конца дня" : "for the day";
        };
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
