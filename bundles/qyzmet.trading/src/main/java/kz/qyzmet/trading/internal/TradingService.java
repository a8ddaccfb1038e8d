package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.HoldRequest;
import kz.qyzmet.ledger.api.Holds;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.trading.api.Amendment;
import kz.qyzmet.trading.api.Deal;
import kz.qyzmet.trading.api.Estimate;
import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.MarketData;
import kz.qyzmet.trading.api.Order;
import kz.qyzmet.trading.api.OrderState;
import kz.qyzmet.trading.api.OrderTicket;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Quote;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.Trading;
import kz.qyzmet.trading.internal.Rows.HoldRow;
import kz.qyzmet.trading.internal.Rows.OrderRow;
import kz.qyzmet.trading.internal.Rows.RequestRow;

/**
 * Clients' orders (issue #17): checked (hours, lot, tick, §30 money or securities),
 * held on the ledger and recorded with their first request in the caller's
 * transaction, sent once it commits. Cancel and cancel-replace are requests of
 * their own; a replace that needs more is held anew before it goes (the old
 * hold's rest released in the same transaction), so whatever the exchange fills,
 * old terms or new, is covered.
 */
@Component(service = { Trading.class, TradingService.class }, configurationPid = TradingService.PID)
@Designate(ocd = TradingConfiguration.class)
public class TradingService implements Trading {
    static final String PID = "kz.qyzmet.trading";
    static final String ACTOR_ROLE = "client";

    private final InstrumentStore instruments;
    private final Database database;
    private final Ledger ledger;
    private final Holds holds;
    private final AuditJournal audit;
    private final Clock clock;
    private final Gateways gateways;
    private final PreTrade preTrade;
    private final TradingConfiguration configuration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MarketData marketData;

    @Activate
    public TradingService(@Reference InstrumentStore instruments, @Reference Ledger ledger, @Reference Holds holds,
            @Reference AuditJournal audit, @Reference Clock clock, @Reference Gateways gateways,
            TradingConfiguration configuration, org.osgi.framework.BundleContext context) {
        this.instruments = instruments;
        this.database = instruments.database();
        this.ledger = ledger;
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
        this.gateways = gateways;
        this.configuration = configuration;
        // the simulated exchange of dev and demo trades every day: learners come at weekends too (rules §4)
        String mode = context.getProperty("qyzmet.mode");
        this.preTrade = new PreTrade(Tariff.of(configuration), "dev".equals(mode) || "demo".equals(mode)
                ? java.util.EnumSet.allOf(DayOfWeek.class) : tradingDays(configuration.trading_days()),
                configuration.max_lots());
        ledger.openAccount(configuration.clearing_account(), AccountType.EXTERNAL, null, "Exchange clearing");
        ledger.openAccount(configuration.fee_account(), AccountType.BROKER, null, "Broker's own account");
    }

    static java.util.Set<DayOfWeek> tradingDays(String[] days) {
        return Arrays.stream(days).filter(day -> day != null && !day.isBlank())
                .flatMap(day -> Arrays.stream(day.split(","))).map(day -> DayOfWeek.valueOf(day.strip()
                        .toUpperCase(Locale.ROOT))).collect(Collectors.toUnmodifiableSet());
    }

    TradingConfiguration configuration() {
        return configuration;
    }

    PreTrade preTrade() {
        return preTrade;
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public Estimate estimate(OrderTicket ticket) {
        Instrument instrument = instrument(ticket.instrument());
        Account account = ledger.requireClientAccount(ticket.account(), ticket.clientId());
        Estimate estimate = check(instrument, ticket.side(), ticket.type(), ticket.lots(), ticket.limitPrice(),
                ticket.stopPrice(), 0, BigDecimal.ZERO).estimate();
        requireAvailable(account.id(), estimate.holdAsset(), estimate.holdAmount(), ticket.side());
        return estimate;
    }

    private PreTrade.Terms check(Instrument instrument, Side side, OrderType type, long lots, BigDecimal limit,
            BigDecimal stop, long filled, BigDecimal filledAmount) {
        BigDecimal last = Optional.ofNullable(marketData).flatMap(data -> data.quote(instrument.isin())).map(Quote::last)
                .orElse(null);
        return preTrade.check(instrument, side, type, lots, limit, stop, last, clock.instant(), scale(instrument.currency()),
                filled, filledAmount);
    }

    private int scale(String currency) {
        return ledger.asset(currency).map(Asset::scale).orElseThrow(() -> Requests.invalid("instrument", LocalizedText.of(
                "{currency} валютасы есепке алынбайды.", "Валюта {currency} не ведётся.", "Currency {currency} is not kept.")
                .format(Map.of("currency", currency))));
    }

    /**
     * Refuses before the client confirms what the hold would refuse (rules §30): not
     * enough money (§30.2), fewer securities than to sell (§30.1), or there but
     * encumbered or blocked (§30.3). The hold checks again, under lock, when placed.
     */
    private void requireAvailable(String account, String asset, BigDecimal needed, Side side) {
        Balance balance = ledger.balances(account).stream().filter(found -> found.asset().equals(asset)).findFirst()
                .orElse(null);
        BigDecimal available = balance == null ? BigDecimal.ZERO : balance.available();
        if (available.compareTo(needed) >= 0) {
            return;
        }
        BigDecimal total = balance == null ? BigDecimal.ZERO : balance.total();
        Map<String, Object> values = Map.of("account", account, "asset", asset, "available",
                available.stripTrailingZeros().toPlainString(), "needed", needed.stripTrailingZeros().toPlainString());
        if (total.compareTo(needed) >= 0) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "{account} шотындағы {asset} ауыртпалықта немесе бұғатталған: қолжетімді {available}, қажет {needed}"
                            + " (§30.3).",
                    "{asset} на счёте {account} обременены или заблокированы: доступно {available}, нужно {needed} (§30.3).",
                    "{asset} on account {account} are encumbered or blocked: {available} available, {needed} needed (§30.3).")
                    .format(values), Map.of("reason", "ENCUMBERED"), Map.of());
        }
        if (side == Side.BUY) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "{account} шотында ақша жеткіліксіз: қолжетімді {available} {asset}, өтінімге {needed} {asset} қажет"
                            + " (§30.2).",
                    "Недостаточно денег на счёте {account}: доступно {available} {asset}, для заявки нужно {needed} {asset}"
                            + " (§30.2).",
                    "Not enough money on account {account}: {available} {asset} available, the order needs {needed} {asset}"
                            + " (§30.2).").format(values), Map.of("reason", "INSUFFICIENT_FUNDS"), Map.of());
        }
        throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                "{account} шотында {asset} бағалы қағаздары жеткіліксіз: шотта {available}, сатуға {needed} (§30.1).",
                "На счёте {account} меньше ценных бумаг {asset}, чем к продаже: на счёте {available}, к продаже {needed}"
                        + " (§30.1).",
                "Fewer {asset} securities on account {account} than to sell: {available} on it, {needed} to sell (§30.1).")
                .format(values), Map.of("reason", "INSUFFICIENT_SECURITIES"), Map.of());
    }

    private Instrument instrument(String isinOrTicker) {
        return instruments.find(isinOrTicker).orElseThrow(() -> Requests.invalid("instrument", LocalizedText.of(
                "{instrument} құралы саудаланбайды.", "Инструмент {instrument} не торгуется.",
                "Instrument {instrument} is not traded.").format(Map.of("instrument", String.valueOf(isinOrTicker)))));
    }

    @Override
    public Order place(OrderTicket ticket) {
        Instrument instrument = instrument(ticket.instrument());
        Account account = ledger.requireClientAccount(ticket.account(), ticket.clientId());
        PreTrade.Terms terms = check(instrument, ticket.side(), ticket.type(), ticket.lots(), ticket.limitPrice(),
                ticket.stopPrice(), 0, BigDecimal.ZERO);
        Estimate estimate = terms.estimate();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        OrderRow row = new OrderRow();
        row.id = id;
        row.clientId = ticket.clientId();
        row.accountId = account.id();
        row.isin = instrument.isin();
        row.instrumentVersion = instrument.version();
        row.currency = instrument.currency();
        row.side = ticket.side().name();
        row.orderType = ticket.type().name();
        row.timeInForce = ticket.timeInForce().name();
        row.quantity = estimate.quantity();
        row.limitPrice = ticket.limitPrice();
        row.stopPrice = ticket.stopPrice();
        row.holdPrice = terms.sentLimit();
        row.state = OrderState.PENDING_NEW.name();
        row.filledAmount = BigDecimal.ZERO;
        row.fees = BigDecimal.ZERO;
        row.holdAsset = estimate.holdAsset();
        row.currentRequest = clientOrderId();
        row.reference = ticket.reference() == null ? "" : ticket.reference();
        row.placedAt = OrderRows.utc(now);
        row.placedBy = ticket.actor() == null ? ticket.clientId() : ticket.actor();
        row.updatedAt = row.placedAt;
        row.gateway = gateways.current();
        RequestRow request = request(row.currentRequest, id, "NEW", row.reference, row.quantity, row.limitPrice,
                row.stopPrice, row.holdPrice, null, now);
        return database.inTransaction(session -> {
            TradingMapper mapper = session.getMapper(TradingMapper.class);
            mapper.insertOrder(row);
            mapper.insertRequest(request);
            String hold = OrderRows.holdReference(id);
            // §30.1, §30.2, §30.3: refused here (a LedgerRefusal) when not available; nothing is recorded then
            holds.place(new HoldRequest(hold, account.id(), estimate.holdAsset(), estimate.holdAmount(),
                    describe(ticket.side(), estimate.quantity(), instrument.ticker(), id), row.placedBy));
            mapper.insertHold(holdRow(hold, id, 1, estimate.holdAmount()));
            audit.record(AuditEvent.builder("trading.order.placed", "order:" + id).actor(row.placedBy, ACTOR_ROLE)
                    .detail("client", row.clientId).detail("account", row.accountId).detail("isin", row.isin)
                    .detail("side", row.side).detail("type", row.orderType).detail("timeInForce", row.timeInForce)
                    .detail("quantity", row.quantity).detail("limitPrice", text(row.limitPrice))
                    .detail("stopPrice", text(row.stopPrice)).detail("holdAsset", estimate.holdAsset())
                    .detail("holdAmount", estimate.holdAmount().toPlainString()).detail("clientOrderId", request.clientOrderId)
                    .detail("reference", row.reference).build());
            database.afterCommit(() -> gateways.send(row, request));
            return OrderRows.order(row);
        });
    }

    @Override
    public Order cancel(String orderId, String clientId, String reference, String actor) {
        return database.inTransaction(session -> {
            TradingMapper mapper = session.getMapper(TradingMapper.class);
            OrderRow order = changeable(mapper, orderId, clientId);
            RequestRow request = request(clientOrderId(), orderId, "CANCEL", reference, order.quantity, order.limitPrice,
                    order.stopPrice, order.holdPrice, null, clock.instant());
            mapper.insertRequest(request);
            order.pendingRequest = request.clientOrderId;
            order.updatedAt = OrderRows.utc(clock.instant());
            mapper.updateOrder(order);
            audit.record(AuditEvent.builder("trading.order.cancel.requested", "order:" + orderId).actor(actor, ACTOR_ROLE)
                    .detail("clientOrderId", request.clientOrderId).detail("reference", String.valueOf(reference)).build());
            database.afterCommit(() -> gateways.send(order, request));
            return OrderRows.order(order);
        });
    }

    @Override
    public Order replace(String orderId, String clientId, Amendment amendment, String reference, String actor) {
        return database.inTransaction(session -> {
            TradingMapper mapper = session.getMapper(TradingMapper.class);
            OrderRow order = changeable(mapper, orderId, clientId);
            OrderType type = OrderType.valueOf(order.orderType);
            if (type == OrderType.MARKET) {
                throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                        "Нарықтық өтінім бірден орындалады: оны өзгертуге болмайды.",
                        "Рыночная заявка исполняется сразу: её нельзя изменить.",
                        "A market order executes at once: it cannot be changed."), Map.of("reason", "NOT_REPLACEABLE"),
                        Map.of());
            }
            Instrument instrument = instruments.version(order.isin, order.instrumentVersion).orElseThrow();
            PreTrade.Terms terms = check(instrument, Side.valueOf(order.side), type, amendment.lots(),
                    amendment.limitPrice(), amendment.stopPrice(), order.filled, order.filledAmount);
            Estimate estimate = terms.estimate();
            // what the order has drawn already: the filled money with its fees (buy), the units sold (sell)
            BigDecimal drawn = Side.valueOf(order.side) == Side.BUY ? order.filledAmount.add(order.fees)
                    : BigDecimal.valueOf(order.filled);
            BigDecimal stillNeeded = estimate.holdAmount().subtract(drawn);
            List<HoldRow> orderHolds = mapper.holdsOf(orderId);
            HoldRow current = orderHolds.get(orderHolds.size() - 1);
            String topUp = null;
            if (stillNeeded.compareTo(holds.remaining(current.holdReference)) > 0) {
                // a larger or dearer order: the new hold first (refused by §30 as a new order would be), then the old rest
                topUp = OrderRows.holdReference(orderId) + ":" + (current.sequenceNo + 1);
                holds.place(new HoldRequest(topUp, order.accountId, order.holdAsset, stillNeeded,
                        describe(Side.valueOf(order.side), estimate.quantity(), instrument.ticker(), orderId), actor));
                mapper.insertHold(holdRow(topUp, orderId, current.sequenceNo + 1, stillNeeded));
                holds.release(current.holdReference, "Order " + orderId + " replaced: held anew as " + topUp, actor);
            }
            RequestRow request = request(clientOrderId(), orderId, "REPLACE", reference, estimate.quantity(),
                    amendment.limitPrice(), amendment.stopPrice(), terms.sentLimit(), topUp, clock.instant());
            mapper.insertRequest(request);
            order.pendingRequest = request.clientOrderId;
            order.updatedAt = OrderRows.utc(clock.instant());
            mapper.updateOrder(order);
            audit.record(AuditEvent.builder("trading.order.replace.requested", "order:" + orderId).actor(actor, ACTOR_ROLE)
                    .detail("clientOrderId", request.clientOrderId).detail("quantity", request.quantity)
                    .detail("limitPrice", text(request.limitPrice)).detail("stopPrice", text(request.stopPrice))
                    .detail("heldAnew", topUp == null ? "" : topUp).detail("reference", String.valueOf(reference)).build());
            database.afterCommit(() -> gateways.send(order, request));
            return OrderRows.order(order);
        });
    }

    /** The client's working order with no change under way, locked; refused (404, 409) otherwise. */
    private OrderRow changeable(TradingMapper mapper, String orderId, String clientId) {
        OrderRow order = orderId == null ? null : mapper.lockOrder(orderId);
        if (order == null || !order.clientId.equals(clientId)) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("{order} өтінімі табылмады.",
                    "Заявка {order} не найдена.", "Order {order} not found.").format(Map.of("order", String.valueOf(orderId))),
                    Map.of("reason", "UNKNOWN_ORDER"), Map.of());
        }
        OrderState state = OrderState.valueOf(order.state);
        if (state.isFinal()) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "{order} өтінімі аяқталған ({state}): оны өзгертуге де, жоюға да болмайды.",
                    "Заявка {order} уже завершена ({state}): её нельзя ни изменить, ни снять.",
                    "Order {order} has ended ({state}): it can be neither changed nor cancelled.").format(Map.of("order",
                            orderId, "state", state.name())), Map.of("reason", "ORDER_FINAL", "state", state.name()), Map.of());
        }
        if (state == OrderState.PENDING_NEW || order.pendingRequest != null) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "{order} өтінімі бойынша биржа жауабы күтілуде: сәлден соң қайталаңыз.",
                    "По заявке {order} ждём ответа биржи: повторите чуть позже.",
                    "The exchange has yet to answer on order {order}: try again in a moment.").format(Map.of("order",
                            orderId)), Map.of("reason", "EXCHANGE_ANSWER_PENDING"), Map.of());
        }
        return order;
    }

    @Override
    public Optional<Order> order(String clientId, String orderId) {
        if (orderId == null || orderId.length() > 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(session -> session.getMapper(TradingMapper.class).order(orderId)))
                .filter(row -> row.clientId.equals(clientId)).map(OrderRows::order);
    }

    @Override
    public List<Order> orders(String clientId, int limit) {
        return database.read(session -> session.getMapper(TradingMapper.class).ordersOf(clientId,
                Math.max(1, Math.min(limit, 500)))).stream().map(OrderRows::order).toList();
    }

    @Override
    public List<Deal> deals(String clientId, Instant from, Instant to) {
        return database.read(session -> session.getMapper(TradingMapper.class).dealsOf(clientId, OrderRows.utc(from),
                OrderRows.utc(to))).stream().map(row -> OrderRows.deal(row, scale(row.currency))).toList();
    }

    @Override
    public List<Deal> dealsOf(String orderId) {
        return database.read(session -> session.getMapper(TradingMapper.class).dealsOfOrder(orderId)).stream()
                .map(row -> OrderRows.deal(row, scale(row.currency))).toList();
    }

    /** A new client order id: unique for ever, as FIX needs (32 characters). */
    static String clientOrderId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static RequestRow request(String clientOrderId, String orderId, String kind, String reference, long quantity,
            BigDecimal limit, BigDecimal stop, BigDecimal holdPrice, String topUp, Instant now) {
        RequestRow request = new RequestRow();
        request.clientOrderId = clientOrderId;
        request.orderId = orderId;
        request.kind = kind;
        request.reference = reference == null ? "" : reference.length() > 80 ? reference.substring(0, 80) : reference;
        request.quantity = quantity;
        request.limitPrice = limit;
        request.stopPrice = stop;
        request.holdPrice = holdPrice;
        request.topUpHold = topUp;
        request.createdAt = OrderRows.utc(now);
        return request;
    }

    private static HoldRow holdRow(String reference, String orderId, int sequence, BigDecimal amount) {
        HoldRow hold = new HoldRow();
        hold.holdReference = reference;
        hold.orderId = orderId;
        hold.sequenceNo = sequence;
        hold.amount = amount;
        return hold;
    }

    static String describe(Side side, long quantity, String ticker, String orderId) {
        return (side == Side.BUY ? "Buy " : "Sell ") + quantity + " " + ticker + ", order " + orderId;
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
