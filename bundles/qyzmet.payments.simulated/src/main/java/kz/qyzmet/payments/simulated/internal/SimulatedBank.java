package kz.qyzmet.payments.simulated.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.payments.api.BankGateway;
import kz.qyzmet.payments.api.PaymentOrder;
import kz.qyzmet.payments.api.PaymentState;
import kz.qyzmet.payments.api.PaymentStatus;

/**
 * A bank for dev and demo mode (rules §4: a demo version to learn the system),
 * offered as the {@link BankGateway} only there; production never sees it. It
 * takes every payment and answers after {@code delay_seconds} of the platform's
 * clock: rejected with {@code AC04} when the creditor's IBAN is one of the
 * closed accounts, with {@code AM02} above the limit, else settled. It keeps no
 * state: the answer follows from the order and when it was sent, so it is the
 * same on every node, after a restart, and however often it is asked.
 */
@Component(service = {}, immediate = true, configurationPid = SimulatedBank.PID)
@Designate(ocd = SimulatedBankConfiguration.class)
public class SimulatedBank implements BankGateway {
    static final String PID = "kz.qyzmet.simulatedbank";
    static final String NAME = "simulated";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBank.class);

    private final Duration delay;
    private final Set<String> closed;
    private final BigDecimal limit;
    private final ServiceRegistration<BankGateway> registration;

    @Activate
    public SimulatedBank(SimulatedBankConfiguration configuration, BundleContext context) {
        this.delay = Duration.ofSeconds(Math.max(0, configuration.delay_seconds()));
        this.closed = Set.of(configuration.closed_ibans());
        BigDecimal above = new BigDecimal(configuration.reject_above().isBlank() ? "0" : configuration.reject_above().strip());
        this.limit = above.signum() > 0 ? above : null;
        String mode = context.getProperty("qyzmet.mode");
        if ("dev".equals(mode) || "demo".equals(mode)) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(NAME_PROPERTY, NAME);
            registration = context.registerService(BankGateway.class, this, properties);
            LOG.info("{} mode: the simulated bank answers payments after {} s", mode, delay.toSeconds());
        } else {
            registration = null;
        }
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Override
    public String submit(PaymentOrder order, Instant now) {
        return "SIM-" + order.id();
    }

    @Override
    public PaymentStatus status(PaymentOrder order, Instant submittedAt, Instant now) {
        Instant answersAt = submittedAt.plus(delay);
        if (now.isBefore(answersAt)) {
            return PaymentStatus.pending(order.id(), now);
        }
        if (closed.contains(order.creditorIban())) {
            return new PaymentStatus(order.id(), PaymentState.REJECTED, "SIM-" + order.id(), "AC04",
                    "Closed account number", answersAt);
        }
        if (limit != null && order.amount().compareTo(limit) > 0) {
            return new PaymentStatus(order.id(), PaymentState.REJECTED, "SIM-" + order.id(), "AM02",
                    "Not allowed amount", answersAt);
        }
        return new PaymentStatus(order.id(), PaymentState.SETTLED, "SIM-" + order.id(), null, null, answersAt);
    }
}
