package kz.qyzmet.service.orders.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.Instruments;
import kz.qyzmet.trading.api.MarketData;
import kz.qyzmet.trading.api.Order;
import kz.qyzmet.trading.api.Quote;
import kz.qyzmet.trading.api.Trading;
import kz.qyzmet.web.api.CabinetPage;
import kz.qyzmet.web.api.PageRequest;

/**
 * The orders service's page in the cabinet (issue #17): the market's best prices
 * per instrument, the client's latest orders with a cancel button for those
 * still working (a cancel order with its own code, §25.2), and the kit's order
 * ticket with its confirmation dialog.
 */
@Component(service = CabinetPage.class, property = CabinetPage.SERVICE_PROPERTY + "=" + OrdersService.ID)
public class OrdersPage implements CabinetPage {
    private final Trading trading;
    private final Instruments instruments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MarketData marketData;

    @Activate
    public OrdersPage(@Reference Trading trading, @Reference Instruments instruments) {
        this.trading = trading;
        this.instruments = instruments;
    }

    /** A row of the market table; prices are empty text when there are none. */
    public record Row(String ticker, String name, String currency, int lotSize, String last, String bid, String ask,
            String change) {
    }

    /** A row of the client's orders. */
    public record OrderRow(String id, String ticker, String side, String type, String price, String filled, String state,
            boolean working, String reason, java.time.Instant placedAt) {
    }

    @Override
    public String template() {
        return "pages/orders.ftlh";
    }

    @Override
    public Map<String, Object> model(PageRequest request) {
        List<Instrument> all = instruments.all();
        MarketData data = marketData;
        Map<String, String> tickers = new LinkedHashMap<>();
        all.forEach(instrument -> tickers.put(instrument.isin(), instrument.ticker()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("market", all.stream().map(instrument -> {
            Optional<Quote> quote = data == null ? Optional.empty() : data.quote(instrument.isin());
            return new Row(instrument.ticker(), instrument.name(), instrument.currency(), instrument.lotSize(),
                    text(quote.map(Quote::last)), text(quote.map(Quote::bid)), text(quote.map(Quote::ask)),
                    quote.map(Quote::changePercent).map(change -> (change.signum() > 0 ? "+" : "") + change.toPlainString()
                            + " %").orElse("—"));
        }).toList());
        model.put("orders", trading.orders(request.clientId(), 20).stream().map(order -> row(order, tickers,
                request.language())).toList());
        model.put("words", WORDS.get(request.language()));
        return model;
    }

    private static OrderRow row(Order order, Map<String, String> tickers, Language language) {
        BigDecimal price = order.limitPrice() != null ? order.limitPrice() : order.stopPrice();
        Map<String, String> words = WORDS.get(language);
        return new OrderRow(order.id(), tickers.getOrDefault(order.isin(), order.isin()), words.get(order.side().name()),
                words.get(order.type().name()), price == null ? "—" : price.toPlainString(), order.filled() + " / "
                        + order.quantity(), words.get(order.state().name()), order.state().isWorking(),
                order.reason() == null ? "" : order.reason().in(language), order.placedAt());
    }

    /** Sides, types and states in words (issue #13: no codes in a Kazakh or Russian page). */
    private static Map<String, String> terms(String... pairs) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            terms.put(pairs[i], pairs[i + 1]);
        }
        return terms;
    }

    private static String text(Optional<BigDecimal> price) {
        return price.map(BigDecimal::toPlainString).orElse("—");
    }

    private static final Map<Language, Map<String, String>> WORDS = Map.of(
            Language.KK, terms("market", "Нарық", "ticker", "Тикер", "last", "Соңғы", "bid", "Сатып алу", "ask", "Сату",
                    "change", "Өзгеріс", "lot", "Лот", "orders", "Менің өтінімдерім", "none", "Өтінім әлі жоқ.",
                    "cancel", "Жою", "BUY", "Сатып алу", "SELL", "Сату", "MARKET", "нарықтық", "LIMIT", "лимиттік", "STOP", "стоп",
                    "STOP_LIMIT", "стоп-лимит", "PENDING_NEW", "биржаға жіберілді", "NEW", "кітапта", "PARTIALLY_FILLED",
                    "ішінара орындалды", "FILLED", "орындалды", "CANCELLED", "жойылды", "REJECTED", "қабылданбады",
                    "EXPIRED", "мерзімі бітті"),
            Language.RU, terms("market", "Рынок", "ticker", "Тикер", "last", "Последняя", "bid", "Покупка", "ask", "Продажа",
                    "change", "Изменение", "lot", "Лот", "orders", "Мои заявки", "none", "Заявок пока нет.",
                    "cancel", "Снять", "BUY", "Покупка", "SELL", "Продажа", "MARKET", "рыночная", "LIMIT", "лимитная", "STOP",
                    "стоп", "STOP_LIMIT", "стоп-лимит", "PENDING_NEW", "отправлена на биржу", "NEW", "в стакане",
                    "PARTIALLY_FILLED", "исполнена частично", "FILLED", "исполнена", "CANCELLED", "снята", "REJECTED",
                    "отклонена", "EXPIRED", "срок истёк"),
            Language.EN, terms("market", "Market", "ticker", "Ticker", "last", "Last", "bid", "Bid", "ask", "Ask",
                    "change", "Change", "lot", "Lot", "orders", "My orders", "none", "No orders yet.", "cancel", "Cancel",
                    "BUY", "Buy", "SELL", "Sell", "MARKET", "market", "LIMIT", "limit", "STOP", "stop", "STOP_LIMIT",
                    "stop-limit", "PENDING_NEW", "sent to the exchange", "NEW", "in the book", "PARTIALLY_FILLED",
                    "partly filled", "FILLED", "filled", "CANCELLED", "cancelled", "REJECTED", "rejected", "EXPIRED",
                    "expired"));
}
