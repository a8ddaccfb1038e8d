package kz.qyzmet.service.orders.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.ServiceHandler;
import kz.qyzmet.trading.api.Amendment;
import kz.qyzmet.trading.api.Estimate;
import kz.qyzmet.trading.api.Order;
import kz.qyzmet.trading.api.OrderTicket;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;
import kz.qyzmet.trading.api.Trading;

/**
 * Buy and sell orders on the exchange (issue #17, rules §7.3). Every action is
 * an instruction of its own, confirmed with a code bound to exactly what it
 * says (§25.2): placing an order, cancelling one, changing one — a code for one
 * order, or for an order before it was changed, confirms nothing else. What the
 * client confirms shows what will be held (the money with the fee for a buy,
 * the securities for a sell), checked before anything is held or sent (§30).
 * The instruction is executed when the exchange accepts (or cancels, or
 * replaces) and refused with the exchange's reason when it does not; the
 * order's fills follow in the client's orders and deals.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = OrdersService.ID, category = Category.TRADING,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Сауда өтінімдері", title_ru = "Торговые поручения", title_en = "Trading orders",
        description_kk = "Бағалы қағаздарды биржада сатып алу және сату: нарықтық, лимиттік, стоп өтінімдер; өзгерту және жою.",
        description_ru = "Покупка и продажа ценных бумаг на бирже: рыночные, лимитные, стоп-заявки; изменение и снятие.",
        description_en = "Buy and sell securities on the exchange: market, limit and stop orders; change and cancel them.")
public class OrdersService implements ServiceHandler<OrdersService.Request> {
    static final String ID = "orders";

    /**
     * @param action          {@code place} (when absent), {@code cancel} or {@code replace}
     * @param order           the order to cancel or replace
     * @param account         the personal account (place); the client's main one when absent
     * @param instrument      ticker or ISIN (place)
     * @param side            BUY or SELL (place)
     * @param type            MARKET, LIMIT, STOP or STOP_LIMIT (place)
     * @param timeInForce     DAY (when absent), GTC or IOC (place)
     * @param lots            how many lots (place; the new total for replace)
     * @param limitPrice      for LIMIT and STOP_LIMIT
     * @param stopPrice       for STOP and STOP_LIMIT
     * @param estimatedAmount price × quantity at the limit or the collar, completed by the service
     * @param fee             the broker's fee on it by the tariff, completed by the service
     * @param held            what is held, completed by the service
     * @param heldAsset       in what (the currency for a buy, the security for a sell), completed by the service
     */
    public record Request(
            @FormField(kk = "Әрекет", ru = "Действие", en = "Action") @OneOf(value = { "place", "cancel", "replace" },
                    labels = { "Жаңа өтінім|Новая заявка|New order", "Өтінімді жою|Снять заявку|Cancel an order",
                            "Өтінімді өзгерту|Изменить заявку|Change an order" }) String action,
            @MaxLength(36) @FormField(kk = "Өтінім (жою, өзгерту үшін)", ru = "Заявка (для снятия, изменения)",
                    en = "Order (to cancel or change)") String order,
            @FormField(kk = "Жеке шот (бос болса — негізгі)", ru = "Лицевой счёт (пусто — основной)",
                    en = "Personal account (empty: your main one)") String account,
            @MaxLength(20) @FormField(kk = "Құрал (тикер немесе ISIN)", ru = "Инструмент (тикер или ISIN)",
                    en = "Instrument (ticker or ISIN)") String instrument,
            @FormField(kk = "Бағыты", ru = "Направление", en = "Side") @OneOf(value = { "BUY", "SELL" },
                    labels = { "Сатып алу|Купить|Buy", "Сату|Продать|Sell" }) String side,
            @FormField(kk = "Өтінім түрі", ru = "Тип заявки", en = "Order type") @OneOf(value = { "MARKET", "LIMIT", "STOP",
                    "STOP_LIMIT" }, labels = { "Нарықтық|Рыночная|Market", "Лимиттік|Лимитная|Limit", "Стоп|Стоп|Stop",
                            "Стоп-лимит|Стоп-лимит|Stop-limit" }) String type,
            @FormField(kk = "Мерзімі", ru = "Срок", en = "Time in force") @OneOf(value = { "DAY", "GTC", "IOC" },
                    labels = { "Күн соңына дейін|До конца дня|Day", "Жойылғанша|До отмены|Good till cancelled",
                            "Бірден немесе жою|Немедленно или снять|Immediate or cancel" }) String timeInForce,
            @FormField(kk = "Лот саны", ru = "Количество лотов", en = "Lots", input = FormField.Input.NUMBER) Long lots,
            @FormField(kk = "Лимит бағасы", ru = "Лимитная цена", en = "Limit price",
                    input = FormField.Input.AMOUNT) BigDecimal limitPrice,
            @FormField(kk = "Стоп бағасы", ru = "Стоп-цена", en = "Stop price", input = FormField.Input.AMOUNT) BigDecimal stopPrice,
            @FormField(kk = "Бағалау сомасы", ru = "Оценочная сумма", en = "Estimated amount",
                    input = FormField.Input.COMPUTED) BigDecimal estimatedAmount,
            @FormField(kk = "Комиссия", ru = "Комиссия", en = "Fee", input = FormField.Input.COMPUTED) BigDecimal fee,
            @FormField(kk = "Резервке", ru = "В резерв", en = "Held", input = FormField.Input.COMPUTED) BigDecimal held,
            @FormField(kk = "Резерв активі", ru = "Актив резерва", en = "Held in",
                    input = FormField.Input.COMPUTED) String heldAsset) {
    }

    private final Trading trading;
    private final Ledger ledger;

    @Activate
    public OrdersService(@Reference Trading trading, @Reference Ledger ledger) {
        this.trading = trading;
        this.ledger = ledger;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        String action = request.action() == null || request.action().isBlank() ? "place" : request.action();
        return switch (action) {
        case "cancel" -> {
            Order order = own(request.order(), context.clientId());
            Request completed = new Request("cancel", order.id(), order.account(), order.isin(), order.side().name(),
                    order.type().name(), order.timeInForce().name(), null, null, null, null, null, null, null);
            yield new Draft<>("cancel", order.account(), completed, OrderTexts.cancel(order));
        }
        case "replace" -> {
            Order order = own(request.order(), context.clientId());
            long lots = Requests.required(request.lots(), "lots");
            Request completed = new Request("replace", order.id(), order.account(), order.isin(), order.side().name(),
                    order.type().name(), order.timeInForce().name(), lots, request.limitPrice(), request.stopPrice(), null,
                    null, null, null);
            yield new Draft<>("replace", order.account(), completed, OrderTexts.replace(order, lots, request.limitPrice(),
                    request.stopPrice()));
        }
        default -> {
            OrderTicket ticket = ticket(request, context.clientId(), null, null);
            Estimate estimate = trading.estimate(ticket);
            Request completed = new Request("place", null, ticket.account(), estimate.instrument().ticker(),
                    ticket.side().name(), ticket.type().name(), ticket.timeInForce().name(), ticket.lots(),
                    ticket.limitPrice(), ticket.stopPrice(), estimate.amount(), estimate.fee(), estimate.holdAmount(),
                    estimate.holdAsset());
            yield new Draft<>("place", ticket.account(), completed, OrderTexts.place(completed, estimate));
        }
        };
    }

    private OrderTicket ticket(Request request, String clientId, String reference, String actor) {
        String account = ledger.requestedAccount(request.account(), clientId).id();
        Side side = Side.valueOf(Requests.required(request.side(), "side"));
        OrderType type = OrderType.valueOf(Requests.required(request.type(), "type"));
        TimeInForce timeInForce = request.timeInForce() == null || request.timeInForce().isBlank() ? TimeInForce.DAY
                : TimeInForce.valueOf(request.timeInForce());
        long lots = Requests.required(request.lots(), "lots");
        return new OrderTicket(clientId, account, Requests.required(request.instrument(), "instrument").strip()
                .toUpperCase(Locale.ROOT), side, type, timeInForce, lots, request.limitPrice(), request.stopPrice(),
                reference, actor);
    }

    private Order own(String orderId, String clientId) {
        return trading.order(clientId, Requests.required(orderId, "order")).orElseThrow(() -> Requests.invalid("order",
                LocalizedText.of("{order} өтінімі табылмады.", "Заявка {order} не найдена.", "Order {order} not found.")
                        .format(Map.of("order", orderId))));
    }

    /** The order's hold, its row and the instruction's move commit together (§45.1); it goes out after the commit. */
    @Override
    public boolean executesInTransaction() {
        return true;
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        Request request = confirmed.request();
        String clientId = confirmed.instruction().clientId();
        String reference = confirmed.instruction().id();
        String actor = confirmed.caller().identity();
        try {
            switch (request.action()) {
            case "cancel" -> trading.cancel(request.order(), clientId, reference, actor);
            case "replace" -> trading.replace(request.order(), clientId, new Amendment(request.lots(), request.limitPrice(),
                    request.stopPrice()), reference, actor);
            default -> trading.place(ticket(request, clientId, reference, actor));
            }
        } catch (LedgerRefusal refused) {
            // §30.1–§30.3: not there, or not available any more since it was drafted; nothing was held or sent
            return Outcome.refused(refused.text());
        } catch (ProblemException refused) {
            // closed since, the order ended meanwhile, or an answer of the exchange is awaited
            return Outcome.refused(refused.detail());
        }
        return Outcome.working();
    }

    @Override
    public Optional<LocalizedText> whyNotCancellable(Confirmed<Request> request) {
        return Optional.of(LocalizedText.of("Биржаға жіберілген өтінім жою өтінімімен жойылады.",
                "Заявка, отправленная на биржу, снимается поручением на снятие.",
                "An order sent to the exchange is cancelled with a cancel order."));
    }
}
