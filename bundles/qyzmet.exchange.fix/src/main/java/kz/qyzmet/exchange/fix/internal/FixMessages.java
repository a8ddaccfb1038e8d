package kz.qyzmet.exchange.fix.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import quickfix.FieldNotFound;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.SecurityID;
import quickfix.field.SecurityIDSource;
import quickfix.field.StopPx;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReject;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;

import kz.qyzmet.trading.api.ExchangeGateway;
import kz.qyzmet.trading.api.ExecutionReport;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * The trading core's requests as FIX 4.4 messages and the exchange's answers
 * back (instruments by ISIN: SecurityID 48 with SecurityIDSource 22 = 4).
 */
final class FixMessages {
    private FixMessages() {
    }

    static NewOrderSingle newOrder(ExchangeGateway.NewOrder order, String account) {
        NewOrderSingle message = new NewOrderSingle(new ClOrdID(order.clientOrderId()), side(order.side()),
                new TransactTime(utc(order.transactTime())), ordType(order.type()));
        message.set(new Symbol(order.isin()));
        message.set(new SecurityID(order.isin()));
        message.set(new SecurityIDSource(SecurityIDSource.ISIN_NUMBER));
        message.set(new OrderQty(order.quantity()));
        message.set(timeInForce(order.timeInForce()));
        message.set(new Account(account == null || account.isBlank() ? order.account() : account));
        if (order.limitPrice() != null) {
            message.setString(Price.FIELD, order.limitPrice().toPlainString());
        }
        if (order.stopPrice() != null) {
            message.setString(StopPx.FIELD, order.stopPrice().toPlainString());
        }
        return message;
    }

    static OrderCancelRequest cancel(ExchangeGateway.CancelOrder cancel) {
        OrderCancelRequest message = new OrderCancelRequest(new OrigClOrdID(cancel.originalClientOrderId()),
                new ClOrdID(cancel.clientOrderId()), side(cancel.side()), new TransactTime(utc(cancel.transactTime())));
        message.set(new Symbol(cancel.isin()));
        message.set(new SecurityID(cancel.isin()));
        message.set(new SecurityIDSource(SecurityIDSource.ISIN_NUMBER));
        message.set(new OrderQty(cancel.quantity()));
        return message;
    }

    static OrderCancelReplaceRequest replace(ExchangeGateway.ReplaceOrder replace, String account) {
        OrderCancelReplaceRequest message = new OrderCancelReplaceRequest(new OrigClOrdID(replace.originalClientOrderId()),
                new ClOrdID(replace.clientOrderId()), side(replace.side()), new TransactTime(utc(replace.transactTime())),
                ordType(replace.type()));
        message.set(new Symbol(replace.isin()));
        message.set(new SecurityID(replace.isin()));
        message.set(new SecurityIDSource(SecurityIDSource.ISIN_NUMBER));
        message.set(new OrderQty(replace.quantity()));
        message.set(timeInForce(replace.timeInForce()));
        message.set(new Account(account == null || account.isBlank() ? replace.account() : account));
        if (replace.limitPrice() != null) {
            message.setString(Price.FIELD, replace.limitPrice().toPlainString());
        }
        if (replace.stopPrice() != null) {
            message.setString(StopPx.FIELD, replace.stopPrice().toPlainString());
        }
        return message;
    }

    /** An ExecutionReport (35=8) as the trading core reads it. */
    static ExecutionReport report(quickfix.fix44.ExecutionReport message) throws FieldNotFound {
        ExecutionReport.Type type = switch (message.getExecType().getValue()) {
        case ExecType.NEW -> ExecutionReport.Type.NEW;
        case ExecType.TRADE, ExecType.PARTIAL_FILL, ExecType.FILL -> ExecutionReport.Type.TRADE;
        case ExecType.CANCELED -> ExecutionReport.Type.CANCELED;
        case ExecType.REPLACED -> ExecutionReport.Type.REPLACED;
        case ExecType.REJECTED -> ExecutionReport.Type.REJECTED;
        case ExecType.EXPIRED -> ExecutionReport.Type.EXPIRED;
        default -> null;
        };
        if (type == null) {
            return null;
        }
        boolean trade = type == ExecutionReport.Type.TRADE;
        return new ExecutionReport(message.getExecID().getValue(), message.getClOrdID().getValue(),
                message.isSetOrigClOrdID() ? message.getOrigClOrdID().getValue() : null,
                message.getOrderID().getValue(), type, trade ? (long) message.getLastQty().getValue() : 0,
                trade ? decimal(message.getString(LastPx.FIELD)) : null, (long) message.getCumQty().getValue(),
                (long) message.getLeavesQty().getValue(), message.isSetText() ? message.getText().getValue() : null,
                message.isSetTransactTime() ? message.getTransactTime().getValue().toInstant(ZoneOffset.UTC) : Instant.now());
    }

    /**
     * An OrderCancelReject (35=9): the refused cancel or replace. It carries no
     * ExecID; its request's ClOrdID stands for it (one answer per request).
     */
    static ExecutionReport cancelReject(OrderCancelReject message) throws FieldNotFound {
        boolean replace = message.getCxlRejResponseTo().getValue() == CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST;
        String clientOrderId = message.getClOrdID().getValue();
        return new ExecutionReport("CXLREJ-" + clientOrderId, clientOrderId, message.getOrigClOrdID().getValue(),
                message.getOrderID().getValue(), replace ? ExecutionReport.Type.REPLACE_REJECTED
                        : ExecutionReport.Type.CANCEL_REJECTED, 0, null, 0, 0,
                message.isSetText() ? message.getText().getValue() : null, message.isSetTransactTime()
                        ? message.getTransactTime().getValue().toInstant(ZoneOffset.UTC) : Instant.now());
    }

    static quickfix.field.Side side(Side side) {
        return new quickfix.field.Side(side == Side.BUY ? quickfix.field.Side.BUY : quickfix.field.Side.SELL);
    }

    static OrdType ordType(OrderType type) {
        return new OrdType(switch (type) {
        case MARKET -> OrdType.MARKET;
        case LIMIT -> OrdType.LIMIT;
        case STOP -> OrdType.STOP_STOP_LOSS;
        case STOP_LIMIT -> OrdType.STOP_LIMIT;
        });
    }

    static quickfix.field.TimeInForce timeInForce(TimeInForce timeInForce) {
        return new quickfix.field.TimeInForce(switch (timeInForce) {
        case DAY -> quickfix.field.TimeInForce.DAY;
        case GTC -> quickfix.field.TimeInForce.GOOD_TILL_CANCEL;
        case IOC -> quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL;
        });
    }

    /** Prices as the text FIX carried (set and read as text: QuickFIX/J's price fields are doubles). */
    static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

}
