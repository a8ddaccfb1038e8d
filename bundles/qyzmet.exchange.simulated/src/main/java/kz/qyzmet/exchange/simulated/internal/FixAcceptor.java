package kz.qyzmet.exchange.simulated.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.StopPx;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * The simulated exchange's FIX 4.4 acceptor (issue #17), on 127.0.0.1: the FIX
 * gateway's NewOrderSingle, OrderCancelRequest and OrderCancelReplaceRequest go
 * into the same books as everyone's, and the broker's execution reports and
 * cancel rejects come back on the session, stored (under the data directory)
 * so that a reconnecting initiator gets again what it missed.
 */
final class FixAcceptor extends ApplicationAdapter {
    static final String OWNER = "fix";
    private static final Logger LOG = LoggerFactory.getLogger(FixAcceptor.class);

    private final ExchangeCore exchange;
    private final SocketAcceptor acceptor;
    private volatile SessionID session;
    /** What each request's answers need to repeat: its instrument and side, by client order id. */
    private final Map<String, String[]> orders = new ConcurrentHashMap<>();

    FixAcceptor(ExchangeCore exchange, SimulatedExchangeConfiguration configuration, Path dataDir)
            throws ConfigError, java.io.IOException {
        this.exchange = exchange;
        Path store = dataDir.resolve("simulatedexchange").resolve("fix");
        Files.createDirectories(store);
        SessionSettings settings = new SessionSettings();
        SessionID id = new SessionID("FIX.4.4", configuration.fix_sender_comp_id(), configuration.fix_target_comp_id());
        settings.setString(id, "ConnectionType", "acceptor");
        settings.setString(id, "SocketAcceptAddress", "127.0.0.1");
        settings.setLong(id, "SocketAcceptPort", configuration.fix_port());
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "FileStorePath", store.toString());
        settings.setString(id, "UseDataDictionary", "Y");
        settings.setString(id, "DataDictionary", "FIX44.xml");
        settings.setString(id, "PersistMessages", "Y");
        settings.setString(id, "SocketNodelay", "Y");
        settings.setString(id, "SLF4JLogHeartbeats", "N");
        this.acceptor = new SocketAcceptor(this, new FileStoreFactory(settings), settings, new SLF4JLogFactory(settings),
                new DefaultMessageFactory());
        acceptor.start();
        LOG.info("the simulated exchange accepts FIX 4.4 on 127.0.0.1:{} as {}", configuration.fix_port(),
                configuration.fix_sender_comp_id());
    }

    void stop() {
        acceptor.stop(true);
    }

    @Override
    public void onLogon(SessionID sessionId) {
        session = sessionId;
    }

    @Override
    public void fromApp(Message message, SessionID sessionId) throws FieldNotFound {
        session = sessionId;
        String type = message.getHeader().getString(MsgType.FIELD);
        String clientOrderId = message.getString(ClOrdID.FIELD);
        String isin = message.getString(Symbol.FIELD);
        Side side = message.getChar(quickfix.field.Side.FIELD) == quickfix.field.Side.BUY ? Side.BUY : Side.SELL;
        switch (type) {
        case MsgType.ORDER_SINGLE -> {
            orders.put(clientOrderId, new String[] { isin, side.name() });
            OrderType orderType = orderType(message.getChar(OrdType.FIELD));
            TimeInForce timeInForce = timeInForce(message);
            long quantity = (long) message.getDouble(quickfix.field.OrderQty.FIELD);
            BigDecimal limit = price(message, Price.FIELD);
            BigDecimal stop = price(message, StopPx.FIELD);
            exchange.fromFix(clientOrderId, () -> exchange.engine().submit(isin, clientOrderId, OWNER, side, orderType,
                    timeInForce, quantity, limit, stop));
        }
        case MsgType.ORDER_CANCEL_REQUEST -> {
            orders.put(clientOrderId, new String[] { isin, side.name() });
            String original = message.getString(OrigClOrdID.FIELD);
            exchange.fromFix(clientOrderId, () -> exchange.engine().cancel(isin, clientOrderId, original));
        }
        case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> {
            orders.put(clientOrderId, new String[] { isin, side.name() });
            String original = message.getString(OrigClOrdID.FIELD);
            long quantity = (long) message.getDouble(quickfix.field.OrderQty.FIELD);
            BigDecimal limit = price(message, Price.FIELD);
            BigDecimal stop = price(message, StopPx.FIELD);
            exchange.fromFix(clientOrderId, () -> exchange.engine().replace(isin, clientOrderId, original, quantity, limit,
                    stop));
        }
        default -> LOG.warn("the simulated exchange ignores FIX message type {}", type);
        }
    }

    /** On the exchange thread: one event of the broker's as its FIX answer. */
    void answer(BookEvent event, String executionId) {
        SessionID id = session;
        if (id == null) {
            LOG.warn("no FIX session for the answer to {}", event.clientOrderId());
            return;
        }
        String[] order = orders.getOrDefault(event.clientOrderId(), new String[] { "UNKNOWN", Side.BUY.name() });
        Message message = switch (event.kind()) {
        case CANCEL_REJECTED, REPLACE_REJECTED -> cancelReject(event, order);
        default -> report(event, executionId, order);
        };
        try {
            // stored by the session even while the initiator is away: it asks for them again by sequence number
            Session.sendToTarget(message, id);
        } catch (SessionNotFound e) {
            LOG.warn("FIX session {} is gone: {}", id, e.toString());
        }
    }

    private static Message report(BookEvent event, String executionId, String[] order) {
        char execType = switch (event.kind()) {
        case ACCEPTED -> ExecType.NEW;
        case TRADE -> ExecType.TRADE;
        case CANCELLED -> ExecType.CANCELED;
        case REPLACED -> ExecType.REPLACED;
        case REJECTED -> ExecType.REJECTED;
        case EXPIRED -> ExecType.EXPIRED;
        default -> throw new IllegalArgumentException(event.kind().name());
        };
        char status = switch (event.kind()) {
        case CANCELLED -> OrdStatus.CANCELED;
        case REJECTED -> OrdStatus.REJECTED;
        case EXPIRED -> OrdStatus.EXPIRED;
        default -> event.leaves() == 0 && event.cumulative() > 0 ? OrdStatus.FILLED
                : event.cumulative() > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
        };
        quickfix.fix44.ExecutionReport report = new quickfix.fix44.ExecutionReport(new OrderID(event.exchangeOrderId() == null
                ? "NONE" : event.exchangeOrderId()), new ExecID(executionId), new ExecType(execType), new OrdStatus(status),
                new quickfix.field.Side(Side.valueOf(order[1]) == Side.BUY ? quickfix.field.Side.BUY : quickfix.field.Side.SELL),
                new LeavesQty(event.leaves()), new CumQty(event.cumulative()), new AvgPx(0));
        report.set(new ClOrdID(event.clientOrderId()));
        if (event.originalClientOrderId() != null) {
            report.set(new OrigClOrdID(event.originalClientOrderId()));
        }
        report.set(new Symbol(order[0]));
        if (event.kind() == BookEvent.Kind.TRADE) {
            report.set(new LastQty(event.lastQuantity()));
            report.setString(LastPx.FIELD, event.lastPrice().toPlainString());
        }
        if (event.text() != null) {
            report.set(new Text(event.text()));
        }
        report.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        return report;
    }

    private static Message cancelReject(BookEvent event, String[] order) {
        quickfix.fix44.OrderCancelReject reject = new quickfix.fix44.OrderCancelReject(new OrderID(
                event.exchangeOrderId() == null ? "NONE" : event.exchangeOrderId()), new ClOrdID(event.clientOrderId()),
                new OrigClOrdID(event.originalClientOrderId() == null ? "NONE" : event.originalClientOrderId()),
                new OrdStatus(event.leaves() > 0 ? (event.cumulative() > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW)
                        : OrdStatus.FILLED),
                new CxlRejResponseTo(event.kind() == BookEvent.Kind.REPLACE_REJECTED
                        ? CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST : CxlRejResponseTo.ORDER_CANCEL_REQUEST));
        if (event.text() != null) {
            reject.set(new Text(event.text()));
        }
        return reject;
    }

    private static OrderType orderType(char type) {
        return switch (type) {
        case OrdType.MARKET -> OrderType.MARKET;
        case OrdType.STOP_STOP_LOSS -> OrderType.STOP;
        case OrdType.STOP_LIMIT -> OrderType.STOP_LIMIT;
        default -> OrderType.LIMIT;
        };
    }

    private static TimeInForce timeInForce(Message message) throws FieldNotFound {
        if (!message.isSetField(quickfix.field.TimeInForce.FIELD)) {
            return TimeInForce.DAY;
        }
        return switch (message.getChar(quickfix.field.TimeInForce.FIELD)) {
        case quickfix.field.TimeInForce.GOOD_TILL_CANCEL -> TimeInForce.GTC;
        case quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL -> TimeInForce.IOC;
        default -> TimeInForce.DAY;
        };
    }

    private static BigDecimal price(Message message, int field) throws FieldNotFound {
        return message.isSetField(field) ? new BigDecimal(message.getString(field)) : null;
    }
}
