package kz.qyzmet.service.withdrawal.internal;

import java.time.Duration;
import java.time.Instant;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.jobs.api.Job;
import kz.qyzmet.jobs.api.JobContext;
import kz.qyzmet.jobs.api.JobResult;
import kz.qyzmet.jobs.api.JobWorker;
import kz.qyzmet.payments.api.BankGateway;
import kz.qyzmet.payments.api.PaymentStatus;

/**
 * Carries one withdrawal to the bank and waits for its answer, as a platform job
 * (any node takes it; one that dies leaves it to another, and a restart loses
 * nothing: the state is in the payment's row). Sending first marks the payment
 * as no longer cancellable, then hands it to the gateway (which pays an order
 * once however often it is handed over); then the bank is asked every
 * {@code status_poll_seconds} of the platform's clock until it answers, and the
 * answer is recorded in the transaction that finishes the job.
 */
@Component(service = JobWorker.class, property = JobWorker.KIND_PROPERTY + "=" + Payments.JOB)
public class WithdrawalWorker implements JobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawalWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final Payments payments;
    private final List<Gateway> gateways = new CopyOnWriteArrayList<>();

    private record Gateway(String name, int ranking, BankGateway bank) {
    }

    @Activate
    public WithdrawalWorker(@Reference Payments payments) {
        this.payments = payments;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addGateway(BankGateway bank, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        gateways.add(new Gateway(String.valueOf(properties.getOrDefault(BankGateway.NAME_PROPERTY, "unnamed")),
                ranking instanceof Integer rank ? rank : 0, bank));
    }

    void removeGateway(BankGateway bank) {
        gateways.removeIf(gateway -> gateway.bank() == bank);
    }

    /** The configured gateway, else the highest ranked one. */
    private Optional<Gateway> gateway(String name) {
        return gateways.stream().filter(gateway -> name == null || name.isBlank() || gateway.name().equals(name))
                .max(java.util.Comparator.comparingInt(Gateway::ranking));
    }

    @Override
    public JobResult run(Job job, JobContext context) throws Exception {
        Instant now = context.now();
        Instant next = now.plus(Duration.ofSeconds(Math.max(1, payments.configuration().status_poll_seconds())));
        Optional<PaymentRow> found = payments.find(job.subject());
        if (found.isEmpty() || found.get().state().isFinal() || found.get().state() == PaymentStage.REVIEW) {
            return JobResult.done(null);
        }
        PaymentRow row = found.get();
        if (row.state() != PaymentStage.SENT) {
            Optional<Gateway> gateway = gateway(payments.configuration().gateway());
            if (gateway.isEmpty()) {
                LOG.warn("withdrawal {}: no bank gateway is installed; it waits", row.instructionNo);
                return JobResult.laterAt(next);
            }
            Optional<PaymentRow> sending = payments.beginSending(row.instructionId, context.caller());
            if (sending.isEmpty()) {
                // cancelled by the client meanwhile: the hold is released, nothing goes out
                return JobResult.done(null);
            }
            String submission = gateway.get().bank().submit(Payments.order(sending.get(), Formats.day(now)), now);
            payments.sent(row.instructionId, gateway.get().name(), submission, context.caller());
            return JobResult.laterAt(next);
        }
        Optional<Gateway> gateway = gateways.stream().filter(candidate -> candidate.name().equals(row.gateway)).findFirst();
        if (gateway.isEmpty()) {
            LOG.warn("withdrawal {}: its gateway {} is not installed now; asking later", row.instructionNo, row.gateway);
            return JobResult.laterAt(next);
        }
        PaymentStatus status = gateway.get().bank().status(Payments.order(row, Formats.day(row.sentAt.toInstant(
                java.time.ZoneOffset.UTC))), row.sentAt.toInstant(java.time.ZoneOffset.UTC), now);
        if (!status.state().isFinal()) {
            return JobResult.laterAt(next);
        }
        return JobResult.done(JSON.writeValueAsString(status));
    }

    /** In the transaction that records the job as done: the hold settled or released, the instruction finished. */
    @Override
    public void completed(Job job, JobResult result) {
        if (result.result() == null) {
            return;
        }
        try {
            payments.answered(job.subject(), JSON.readValue(result.result(), PaymentStatus.class),
                    new kz.qyzmet.common.api.Caller("system:" + WithdrawalService.ID, "system", "", "", job.subject()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bank's answer cannot be read back: " + result.result(), e);
        }
    }
}
