package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.Holds;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.OperationKinds;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.ledger.api.SubAccount;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.trading.api.Deal;
import kz.qyzmet.trading.api.ExecutionReport;
import kz.qyzmet.trading.api.ExecutionReports;
import kz.qyzmet.trading.api.OrderEvent;
import kz.qyzmet.trading.api.OrderListener;
import kz.qyzmet.trading.api.OrderState;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.internal.Rows.DealRow;
import kz.qyzmet.trading.internal.Rows.HoldRow;
import kz.qyzmet.trading.internal.Rows.OrderRow;
import kz.qyzmet.trading.internal.Rows.RequestRow;

/**
 * Applies the exchange's execution reports (issue #17), each in one transaction:
 * the report recorded (a report seen before is applied once), the order moved,
 * a fill settled in the ledger by a draw on the order's hold (securities and
 * money, the fee to the broker) with its deal and audit record, the hold's rest
 * released when the order ends, and the order's listeners told.
 */
@Component(service = ExecutionReports.class)
public class ExecutionProcessor implements ExecutionReports {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionProcessor.class);
    static final String SYSTEM = "system:trading";

    private final Database database;
    private final Ledger ledger;
    private final Holds holds;
    private final AuditJournal audit;
    private final TradingService trading;
    private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public ExecutionProcessor(@Reference InstrumentStore store, @Reference Ledger ledger, @Reference Holds holds,
            @Reference AuditJournal audit, @Reference TradingService trading) {
        this.database = store.database();
        this.ledger = ledger;
        this.holds = holds;
        this.audit = audit;
        this.trading = trading;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(OrderListener listener) {
        listeners.add(listener);
    }

    void removeListener(OrderListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void report(ExecutionReport report) {
        database.inTransaction(session -> {
            TradingMapper mapper = session.getMapper(TradingMapper.class);
            if (mapper.executionSeen(report.executionId()) > 0) {
                return null;
            }
            RequestRow request = mapper.request(report.clientOrderId());
            OrderRow order = request == null ? null : mapper.lockOrder(request.orderId);
            mapper.insertExecution(report.executionId(), report.clientOrderId(), order == null ? null : order.id,
                    report.type().name(), report.lastQuantity(), report.lastPrice(), report.cumulativeQuantity(),
                    report.leavesQuantity(), clip(report.text()), OrderRows.utc(report.transactTime()),
                    OrderRows.utc(trading.now()));
            if (order == null) {
                LOG.warn("execution report {} names an unknown client order id {}", report.executionId(),
                        report.clientOrderId());
                audit.record(AuditEvent.builder("trading.execution.unknown", "execution:" + report.executionId())
                        .actor(SYSTEM, "system").detail("clientOrderId", report.clientOrderId())
                        .detail("type", report.type().name()).build());
                return null;
            }
            apply(mapper, order, request, report);
            return null;
        });
    }

    private void apply(TradingMapper mapper, OrderRow order, RequestRow request, ExecutionReport report) {
        OrderState before = OrderState.valueOf(order.state);
        if (before.isFinal()) {
            LOG.warn("execution report {} ({}) for order {} that has ended ({}): recorded, nothing changes",
                    report.executionId(), report.type(), order.id, before);
            return;
        }
        order.updatedAt = OrderRows.utc(trading.now());
        if (report.exchangeOrderId() != null) {
            order.exchangeOrderId = report.exchangeOrderId();
        }
        OrderEvent.Kind kind;
        Deal deal = null;
        switch (report.type()) {
        case NEW -> {
            mapper.answered(request.clientOrderId, "DONE", OrderRows.utc(trading.now()));
            if (before == OrderState.PENDING_NEW) {
                order.state = OrderState.NEW.name();
            }
            kind = OrderEvent.Kind.ACCEPTED;
        }
        case TRADE -> {
            if (before == OrderState.PENDING_NEW) {
                mapper.answered(request.clientOrderId, "DONE", OrderRows.utc(trading.now()));
            }
            deal = settle(mapper, order, report);
            order.state = (order.filled >= order.quantity ? OrderState.FILLED : OrderState.PARTIALLY_FILLED).name();
            kind = OrderEvent.Kind.FILLED;
        }
        case CANCELED -> {
            mapper.answered(request.clientOrderId, "DONE", OrderRows.utc(trading.now()));
            order.state = OrderState.CANCELLED.name();
            order.reasonText = "CANCEL".equals(request.kind) ? null : clip(report.text());
            order.pendingRequest = null;
            kind = OrderEvent.Kind.CANCELLED;
        }
        case EXPIRED -> {
            order.state = OrderState.EXPIRED.name();
            order.reasonText = clip(report.text());
            kind = OrderEvent.Kind.EXPIRED;
        }
        case REJECTED -> {
            mapper.answered(request.clientOrderId, "REFUSED", OrderRows.utc(trading.now()));
            order.state = OrderState.REJECTED.name();
            order.reasonText = clip(report.text() == null ? "rejected" : report.text());
            kind = OrderEvent.Kind.REJECTED;
        }
        case REPLACED -> {
            mapper.answered(request.clientOrderId, "DONE", OrderRows.utc(trading.now()));
            order.quantity = request.quantity;
            order.limitPrice = request.limitPrice;
            order.stopPrice = request.stopPrice;
            order.holdPrice = request.holdPrice;
            order.currentRequest = request.clientOrderId;
            order.pendingRequest = null;
            if (order.filled >= order.quantity) {
                order.state = OrderState.FILLED.name();
            }
            kind = OrderEvent.Kind.REPLACED;
        }
        case CANCEL_REJECTED, REPLACE_REJECTED -> {
            mapper.answered(request.clientOrderId, "REFUSED", OrderRows.utc(trading.now()));
            if (request.clientOrderId.equals(order.pendingRequest)) {
                order.pendingRequest = null;
            }
            kind = OrderEvent.Kind.CHANGE_REFUSED;
        }
        default -> throw new IllegalStateException("unknown report type " + report.type());
        }
        OrderState after = OrderState.valueOf(order.state);
        if (after.isFinal()) {
            order.pendingRequest = null;
            closeHolds(mapper, order, after);
        }
        mapper.updateOrder(order);
        audit.record(AuditEvent.builder("trading.order." + kind.name().toLowerCase(java.util.Locale.ROOT), "order:" + order.id)
                .actor(SYSTEM, "system").detail("executionId", report.executionId())
                .detail("clientOrderId", report.clientOrderId()).detail("state", order.state)
                .detail("filled", order.filled).detail("quantity", order.quantity)
                .detail("deal", deal == null ? "" : deal.id()).detail("text", report.text() == null ? "" : report.text())
                .build());
        kz.qyzmet.trading.api.Order view = OrderRows.order(order);
        OrderEvent event = new OrderEvent(kind, view, request.reference, deal,
                kind == OrderEvent.Kind.CHANGE_REFUSED && report.text() != null
                        ? kz.qyzmet.common.api.LocalizedText.of("Биржа өзгертуден бас тартты: " + report.text(),
                                "Биржа отказала в изменении: " + report.text(),
                                "The exchange refused the change: " + report.text())
                        : view.reason());
        for (OrderListener listener : listeners) {
            listener.changed(event);
        }
    }

    /**
     * One fill in one entry: the drawn part of the hold and the deal's other legs.
     * A buy takes price × quantity and the fee from the held money and receives the
     * securities; a sell gives the held securities and receives the money less the
     * fee. The fee is the order's fee on everything filled so far less what its
     * earlier fills paid (the least fee once per order). Should rounding need a
     * cent more than is left of the hold, it comes from the available part.
     */
    private Deal settle(TradingMapper mapper, OrderRow order, ExecutionReport report) {
        long quantity = report.lastQuantity();
        if (quantity <= 0 || report.lastPrice() == null) {
            throw new IllegalStateException("a trade report without quantity or price: " + report.executionId());
        }
        int scale = ledger.asset(order.currency).map(Asset::scale).orElse(2);
        BigDecimal amount = report.lastPrice().multiply(BigDecimal.valueOf(quantity)).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal filledAmount = order.filledAmount.add(amount);
        BigDecimal fee = trading.preTrade().tariff().fee(filledAmount, order.currency, scale).subtract(order.fees)
                .max(BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_UP);
        String clearing = trading.configuration().clearing_account();
        String feeAccount = trading.configuration().fee_account();
        boolean buy = Side.valueOf(order.side) == Side.BUY;
        List<HoldRow> orderHolds = mapper.holdsOf(order.id);
        String hold = orderHolds.get(orderHolds.size() - 1).holdReference;
        BigDecimal units = BigDecimal.valueOf(quantity);
        List<Posting> legs = new ArrayList<>();
        BigDecimal drawn;
        if (buy) {
            BigDecimal due = amount.add(fee);
            drawn = due.min(holds.remaining(hold));
            if (due.compareTo(drawn) > 0) {
                legs.add(new Posting(order.accountId, SubAccount.AVAILABLE, order.currency, drawn.subtract(due)));
            }
            legs.add(Posting.of(clearing, order.currency, amount));
            if (fee.signum() > 0) {
                legs.add(Posting.of(feeAccount, order.currency, fee));
            }
            legs.add(Posting.of(clearing, order.isin, units.negate()));
            legs.add(Posting.of(order.accountId, order.isin, units));
        } else {
            drawn = units;
            legs.add(Posting.of(clearing, order.isin, units));
            legs.add(Posting.of(clearing, order.currency, amount.negate()));
            legs.add(Posting.of(order.accountId, order.currency, amount.subtract(fee)));
            if (fee.signum() > 0) {
                legs.add(Posting.of(feeAccount, order.currency, fee));
            }
        }
        String description = (buy ? "Bought " : "Sold ") + quantity + " " + order.isin + " @ "
                + report.lastPrice().stripTrailingZeros().toPlainString() + " " + order.currency + ", fee "
                + fee.toPlainString() + ", order " + order.id;
        Entry entry = holds.draw(hold, "fill:" + report.executionId(), drawn, buy ? OperationKinds.SECURITIES_BOUGHT
                : OperationKinds.SECURITIES_SOLD, description, legs, SYSTEM);
        order.filled += quantity;
        order.filledAmount = filledAmount;
        order.fees = order.fees.add(fee);
        DealRow row = new DealRow();
        row.id = UUID.randomUUID().toString();
        row.orderId = order.id;
        row.executionId = report.executionId();
        row.clientId = order.clientId;
        row.accountId = order.accountId;
        row.isin = order.isin;
        row.side = order.side;
        row.quantity = quantity;
        row.price = report.lastPrice();
        row.amount = amount;
        row.fee = fee;
        row.currency = order.currency;
        row.executedAt = OrderRows.utc(report.transactTime());
        row.tradeDate = report.transactTime().atZone(PreTrade.ALMATY).toLocalDate();
        row.settlementDate = settlementDate(row.tradeDate, trading.configuration().settlement_days(),
                TradingService.tradingDays(trading.configuration().trading_days()));
        row.entryId = entry.id();
        mapper.insertDeal(row);
        audit.record(AuditEvent.builder("trading.deal", "deal:" + row.id).actor(SYSTEM, "system").detail("order", order.id)
                .detail("client", order.clientId).detail("account", order.accountId).detail("isin", order.isin)
                .detail("side", order.side).detail("quantity", quantity).detail("price", row.price.toPlainString())
                .detail("amount", amount.toPlainString()).detail("fee", fee.toPlainString())
                .detail("entry", entry.id()).detail("executionId", report.executionId()).build());
        return OrderRows.deal(row, scale);
    }

    /** The trade date plus {@code days} trading days (T+0 is the trade date itself). */
    static LocalDate settlementDate(LocalDate tradeDate, int days, Set<DayOfWeek> tradingDays) {
        LocalDate date = tradeDate;
        for (int left = days; left > 0;) {
            date = date.plusDays(1);
            if (tradingDays.contains(date.getDayOfWeek())) {
                left--;
            }
        }
        return date;
    }

    /** An order that ended gives back what its hold still sets aside. */
    private void closeHolds(TradingMapper mapper, OrderRow order, OrderState state) {
        for (HoldRow hold : mapper.holdsOf(order.id)) {
            if (holds.find(hold.holdReference).map(found -> found.state() == kz.qyzmet.ledger.api.HoldState.PLACED)
                    .orElse(false)) {
                holds.release(hold.holdReference, "Order " + order.id + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                        + ": the rest released", SYSTEM);
            }
        }
    }

    private static String clip(String text) {
        return text == null ? null : text.length() > 500 ? text.substring(0, 500) : text;
    }

}
