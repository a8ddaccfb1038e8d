package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.trading.api.Deal;
import kz.qyzmet.trading.api.ExchangeGateway;
import kz.qyzmet.trading.api.Order;
import kz.qyzmet.trading.api.OrderState;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;
import kz.qyzmet.trading.internal.Rows.DealRow;
import kz.qyzmet.trading.internal.Rows.OrderRow;
import kz.qyzmet.trading.internal.Rows.RequestRow;

/** Rows to the API's records and to what goes to the exchange. */
final class OrderRows {
    private OrderRows() {
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    static Order order(OrderRow row) {
        BigDecimal average = row.filled == 0 ? null
                : row.filledAmount.divide(BigDecimal.valueOf(row.filled), 8, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return new Order(row.id, row.clientId, row.accountId, row.isin, row.instrumentVersion, Side.valueOf(row.side),
                OrderType.valueOf(row.orderType), TimeInForce.valueOf(row.timeInForce), row.quantity, plain(row.limitPrice),
                plain(row.stopPrice), OrderState.valueOf(row.state), row.filled, average, holdReference(row.id),
                row.reference, reason(row.state, row.reasonText), instant(row.placedAt), instant(row.updatedAt));
    }

    /** The reference of an order's first hold; a replace that needs more moves it to {@code order:<id>:<n>}. */
    static String holdReference(String orderId) {
        return "order:" + orderId;
    }

    /** The exchange's reason, worded for the client; the exchange's own words follow (they are its, in English). */
    static LocalizedText reason(String state, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (OrderState.valueOf(state)) {
        case REJECTED -> LocalizedText.of("Биржа өтінімді қабылдамады: " + text, "Биржа отклонила заявку: " + text,
                "The exchange rejected the order: " + text);
        case EXPIRED -> LocalizedText.of("Өтінімнің мерзімі сауда күнінің соңында бітті: " + text,
                "Срок заявки истёк в конце торгового дня: " + text, "The order expired at the end of the trading day: " + text);
        case CANCELLED -> LocalizedText.of("Өтінімнің қалғаны жойылды: " + text, "Остаток заявки снят: " + text,
                "The rest of the order was cancelled: " + text);
        default -> LocalizedText.of("Биржа: " + text, "Биржа: " + text, "The exchange: " + text);
        };
    }

    /** The deal with its amounts in the currency's minor units ({@code scale}) and its price at least that precise. */
    static Deal deal(DealRow row, int scale) {
        BigDecimal price = plain(row.price);
        return new Deal(row.id, row.orderId, row.executionId, row.clientId, row.accountId, row.isin, Side.valueOf(row.side),
                row.quantity, price.setScale(Math.max(scale, price.scale())), money(row.amount, scale), money(row.fee, scale),
                row.currency, instant(row.executedAt), row.tradeDate, row.settlementDate, row.entryId);
    }

    private static BigDecimal money(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * How the exchange gets the order: a market order as an immediate-or-cancel
     * limit at the collar, a stop order as a stop-limit at the collar, so the
     * exchange never fills beyond what is held (issue #17).
     */
    static OrderType sentType(OrderType type) {
        return switch (type) {
        case MARKET -> OrderType.LIMIT;
        case STOP -> OrderType.STOP_LIMIT;
        default -> type;
        };
    }

    static TimeInForce sentTimeInForce(OrderType type, TimeInForce timeInForce) {
        return type == OrderType.MARKET ? TimeInForce.IOC : timeInForce;
    }

    static ExchangeGateway.NewOrder newOrder(OrderRow order, RequestRow request, Instant now) {
        OrderType type = OrderType.valueOf(order.orderType);
        return new ExchangeGateway.NewOrder(request.clientOrderId, order.isin, order.accountId, Side.valueOf(order.side),
                sentType(type), sentTimeInForce(type, TimeInForce.valueOf(order.timeInForce)), request.quantity,
                request.holdPrice, plain(request.stopPrice), now);
    }

    static ExchangeGateway.ReplaceOrder replaceOrder(OrderRow order, RequestRow request, Instant now) {
        OrderType type = OrderType.valueOf(order.orderType);
        return new ExchangeGateway.ReplaceOrder(request.clientOrderId, order.currentRequest, order.isin, order.accountId,
                Side.valueOf(order.side), sentType(type), sentTimeInForce(type, TimeInForce.valueOf(order.timeInForce)),
                request.quantity, request.holdPrice, plain(request.stopPrice), now);
    }

    static ExchangeGateway.CancelOrder cancelOrder(OrderRow order, RequestRow request, Instant now) {
        return new ExchangeGateway.CancelOrder(request.clientOrderId, order.currentRequest, order.isin,
                Side.valueOf(order.side), order.quantity, now);
    }

    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
