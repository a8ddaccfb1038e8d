package kz.qyzmet.trading.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.trading.api.ExchangeGateway;
import kz.qyzmet.trading.internal.Rows.OrderRow;
import kz.qyzmet.trading.internal.Rows.RequestRow;

/**
 * Carries committed requests to the exchange through the configured gateway (or
 * the highest ranked one). One that cannot go (no gateway, not connected) waits,
 * and every request not yet answered goes again when a gateway arrives: the
 * exchange never executes a client order id twice, so sending again is safe and
 * nothing is lost.
 */
@Component(service = Gateways.class, configurationPid = TradingService.PID)
public class Gateways {
    private static final Logger LOG = LoggerFactory.getLogger(Gateways.class);

    private record Gateway(String name, int ranking, ExchangeGateway exchange) {
    }

    private final List<Gateway> gateways = new CopyOnWriteArrayList<>();
    private final Database database;
    private final Clock clock;
    private final String configured;
    private volatile boolean active;

    @Activate
    public Gateways(@Reference InstrumentStore store, @Reference Clock clock, TradingConfiguration configuration) {
        this.database = store.database();
        this.clock = clock;
        this.configured = configuration.gateway();
        this.active = true;
        resendUnanswered();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addGateway(ExchangeGateway exchange, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        gateways.add(new Gateway(String.valueOf(properties.getOrDefault(ExchangeGateway.NAME_PROPERTY, "unnamed")),
                ranking instanceof Integer rank ? rank : 0, exchange));
        if (active) {
            resendUnanswered();
        }
    }

    void removeGateway(ExchangeGateway exchange) {
        gateways.removeIf(gateway -> gateway.exchange() == exchange);
    }

    private Optional<Gateway> gateway() {
        return gateways.stream().filter(gateway -> configured == null || configured.isBlank()
                || gateway.name().equals(configured)).max(Comparator.comparingInt(Gateway::ranking));
    }

    /** The name of the gateway requests go through now, recorded with an order when it is placed; null when none. */
    String current() {
        return gateway().map(Gateway::name).orElse(null);
    }

    /**
     * Sends one committed request, as it was committed (no second transaction on the way
     * out: the request stays unanswered until the exchange answers it, and goes again at
     * the next logon or restart if it never does); false when no gateway can take it now.
     */
    boolean send(OrderRow order, RequestRow request) {
        Optional<Gateway> gateway = gateway().filter(candidate -> candidate.exchange().connected());
        if (gateway.isEmpty()) {
            LOG.warn("order request {} waits: no exchange gateway is connected", request.clientOrderId);
            return false;
        }
        ExchangeGateway exchange = gateway.get().exchange();
        switch (request.kind) {
        case "NEW" -> exchange.send(OrderRows.newOrder(order, request, clock.instant()));
        case "CANCEL" -> exchange.cancel(OrderRows.cancelOrder(order, request, clock.instant()));
        case "REPLACE" -> exchange.replace(OrderRows.replaceOrder(order, request, clock.instant()));
        default -> throw new IllegalStateException("unknown request kind " + request.kind);
        }
        return true;
    }

    /** Sends a request again as stored (after a restart, or when a gateway comes). */
    private boolean resend(RequestRow request) {
        OrderRow order = database.read(session -> session.getMapper(TradingMapper.class).order(request.orderId));
        return send(order, request);
    }

    /** Every request the exchange has not answered, oldest first (after a restart, or when a gateway comes). */
    void resendUnanswered() {
        if (gateway().isEmpty()) {
            return;
        }
        try {
            List<RequestRow> waiting = database.read(session -> session.getMapper(TradingMapper.class).unanswered(10_000));
            for (RequestRow request : waiting) {
                if (!resend(request)) {
                    return;
                }
            }
            if (!waiting.isEmpty()) {
                LOG.info("sent {} unanswered order requests again", waiting.size());
            }
        } catch (RuntimeException databaseAway) {
            LOG.warn("unanswered order requests could not be read now: {}", databaseAway.toString());
        }
    }
}
