package kz.qyzmet.exchange.fix.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
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
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

import kz.qyzmet.trading.api.ExchangeGateway;
import kz.qyzmet.trading.api.ExecutionReport;
import kz.qyzmet.trading.api.ExecutionReports;

/**
 * The exchange over FIX 4.4 (issue #17): one initiator session, its message
 * store (sequence numbers and sent messages) under {@code <data>/fix/}. The
 * gateway is offered to the trading core only while the session is logged on,
 * so the core sends again what is unanswered each time it logs on. An incoming
 * report is applied by the core before {@code fromApp} returns: if that fails
 * (the database away) the exception leaves the message's sequence number
 * unprocessed and QuickFIX/J asks the exchange to resend it — after a crash
 * too, since the store keeps the expected number — and a resent report
 * (PossDupFlag) applied before is recognised by its ExecID.
 */
@Component(service = {}, immediate = true, configurationPid = FixGateway.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FixConfiguration.class)
public class FixGateway extends ApplicationAdapter implements ExchangeGateway {
    static final String PID = "kz.qyzmet.fix";
    private static final Logger LOG = LoggerFactory.getLogger(FixGateway.class);

    private final ExecutionReports reports;
    private final FixConfiguration configuration;
    private final BundleContext context;
    private final SocketInitiator initiator;
    private final AtomicReference<SessionID> session = new AtomicReference<>();
    private final AtomicReference<ServiceRegistration<ExchangeGateway>> registration = new AtomicReference<>();

    @Activate
    public FixGateway(@Reference ExecutionReports reports, FixConfiguration configuration, BundleContext context)
            throws ConfigError, java.io.IOException {
        this.reports = reports;
        this.configuration = configuration;
        this.context = context;
        if (configuration.host() == null || configuration.host().isBlank()) {
            this.initiator = null;
            return;
        }
        String dataDir = context.getProperty("qyzmet.data.dir");
        Path store = Path.of(dataDir == null ? "data" : dataDir, "fix", "store");
        Files.createDirectories(store);
        SessionSettings settings = settings(configuration, store);
        this.initiator = new SocketInitiator(this, new FileStoreFactory(settings), settings, new SLF4JLogFactory(settings),
                new DefaultMessageFactory());
        initiator.start();
        LOG.info("FIX 4.4 session {} → {} at {}:{} (store {})", configuration.sender_comp_id(),
                configuration.target_comp_id(), configuration.host(), configuration.port(), store);
    }

    /** The session's settings: FIX 4.4, reconnecting, the store in the data directory, no reset at logon. */
    static SessionSettings settings(FixConfiguration configuration, Path store) {
        SessionSettings settings = new SessionSettings();
        SessionID id = new SessionID("FIX.4.4", configuration.sender_comp_id(), configuration.target_comp_id());
        settings.setString(id, "ConnectionType", "initiator");
        settings.setString(id, "SocketConnectHost", configuration.host());
        settings.setLong(id, "SocketConnectPort", configuration.port());
        settings.setLong(id, "HeartBtInt", Math.max(1, configuration.heartbeat_seconds()));
        settings.setLong(id, "ReconnectInterval", Math.max(1, configuration.reconnect_seconds()));
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "FileStorePath", store.toString());
        settings.setString(id, "UseDataDictionary", "Y");
        settings.setString(id, "DataDictionary", "FIX44.xml");
        // sequence numbers survive restarts: a gap is recovered by resend, never by starting over
        settings.setString(id, "ResetOnLogon", "N");
        settings.setString(id, "PersistMessages", "Y");
        settings.setString(id, "SocketNodelay", "Y");
        settings.setString(id, "SLF4JLogHeartbeats", "N");
        return settings;
    }

    @Deactivate
    void stop() {
        unregister();
        if (initiator != null) {
            initiator.stop();
        }
    }

    @Override
    public void onLogon(SessionID sessionId) {
        session.set(sessionId);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(NAME_PROPERTY, configuration.name());
        properties.put(Constants.SERVICE_RANKING, configuration.ranking());
        ServiceRegistration<ExchangeGateway> registered = context.registerService(ExchangeGateway.class, this, properties);
        ServiceRegistration<ExchangeGateway> previous = registration.getAndSet(registered);
        if (previous != null) {
            previous.unregister();
        }
        LOG.info("FIX session {} logged on", sessionId);
    }

    @Override
    public void onLogout(SessionID sessionId) {
        unregister();
        LOG.warn("FIX session {} logged out", sessionId);
    }

    private void unregister() {
        ServiceRegistration<ExchangeGateway> registered = registration.getAndSet(null);
        if (registered != null) {
            try {
                registered.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
    }

    @Override
    public void fromApp(Message message, SessionID sessionId) throws FieldNotFound {
        String type = message.getHeader().getString(MsgType.FIELD);
        ExecutionReport report = switch (type) {
        case MsgType.EXECUTION_REPORT -> FixMessages.report((quickfix.fix44.ExecutionReport) message);
        case MsgType.ORDER_CANCEL_REJECT -> FixMessages.cancelReject((quickfix.fix44.OrderCancelReject) message);
        default -> null;
        };
        if (report != null) {
            // throws when it cannot be applied now: QuickFIX/J then leaves the sequence number for a resend
            reports.report(report);
        }
    }

    @Override
    public boolean connected() {
        SessionID id = session.get();
        Session current = id == null ? null : Session.lookupSession(id);
        return current != null && current.isLoggedOn();
    }

    @Override
    public void send(NewOrder order) {
        deliver(FixMessages.newOrder(order, configuration.account()));
    }

    @Override
    public void cancel(CancelOrder cancel) {
        deliver(FixMessages.cancel(cancel));
    }

    @Override
    public void replace(ReplaceOrder replace) {
        deliver(FixMessages.replace(replace, configuration.account()));
    }

    /** Stored and sent; if the line drops first, the exchange asks for it again by its sequence number. */
    private void deliver(Message message) {
        SessionID id = session.get();
        if (id == null) {
            throw new IllegalStateException("the FIX session has not logged on");
        }
        try {
            Session.sendToTarget(message, id);
        } catch (SessionNotFound e) {
            throw new IllegalStateException("no FIX session " + id, e);
        }
    }
}
