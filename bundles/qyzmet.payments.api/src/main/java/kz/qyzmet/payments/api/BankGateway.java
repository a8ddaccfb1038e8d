package kz.qyzmet.payments.api;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The broker's bank, as the withdrawal service sees it (issue #15). Register an
 * implementation as an OSGi service with {@value #NAME_PROPERTY}; the platform
 * ships a simulated bank for dev and demo and an ISO 20022 file gateway
 * ({@code pain.001} out, {@code pain.002} in) for production. Both calls may be
 * repeated after a crash: an implementation must not pay an order twice.
 */
@ConsumerType
public interface BankGateway {

    /** Service property: the gateway's name, shown to operators and recorded with every payment. */
    String NAME_PROPERTY = "qyzmet.bank.gateway";

    /**
     * Hands the order to the bank. Idempotent by {@link PaymentOrder#id()}: an
     * order sent again is not paid again. Throws when the bank cannot take it now
     * (the caller tries again later); returning means the bank has it.
     *
     * @return the gateway's reference of the submission (a file name, a message id)
     */
    String submit(PaymentOrder order, Instant now) throws Exception;

    /**
     * What the bank says of an order sent at {@code submittedAt}: pending until it
     * answers, then settled or rejected with the reason. Asked again and again
     * until the answer is final; it must keep giving the same final answer.
     */
    PaymentStatus status(PaymentOrder order, Instant submittedAt, Instant now) throws Exception;
}
