package kz.qyzmet.servicekit.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Outcome;

/**
 * One electronic service on the kit. Register it as an OSGi service carrying the
 * {@code @ElectronicService} properties (that also lists it in the catalog):
 * <pre>{@code
 * @Component(service = ServiceHandler.class)
 * @ElectronicService(id = "extract", category = Category.INFORMATION, assurance = Assurance.OPERATION_CONFIRMATION, ...)
 * public class ExtractService implements ServiceHandler<ExtractService.Request> {
 *     public record Request(String account, String asOf, String language) {}
 *     ...
 * }
 * }</pre>
 * The request's JSON object is bound to {@link #requestType()} by its component
 * names; an unknown field, a wrong type or a missing {@link Required} one is
 * refused with a problem naming the field (kk, ru, en) before the handler sees it.
 *
 * @param <R> the request record
 */
@ConsumerType
public interface ServiceHandler<R extends Record> {

    /** The request record clients send; also the schema the OpenAPI document shows for it. */
    Class<R> requestType();

    /**
     * Checks the request and completes it (defaults, normalised values): what it
     * returns is exactly what is stored and what the client confirms. Throw a
     * {@code ProblemException} (e.g. {@code Requests.invalid(field, reason)}) to
     * refuse; nothing has been written yet. Also called when a manager prepares
     * a request for a client (§35.3), then with {@link RequestContext#session()} empty.
     */
    Draft<R> draft(R request, RequestContext context);

    /**
     * Carries out the confirmed request: executed with its documents, refused with
     * the reason, queued for staff, or working in the background (§19).
     */
    Outcome execute(Confirmed<R> confirmed);

    /**
     * Extra members of a request's view, e.g. the progress of its background
     * work; shown to its client under {@code "progress"}. None by default.
     */
    default Map<String, Object> progress(Instruction instruction) {
        return Map.of();
    }

    /**
     * Whether {@link #execute} only writes to the platform's database (a hold,
     * postings, its own rows, a queued job): it then runs in the same transaction
     * as the instruction's move to its outcome, all or nothing (§45.1). False by
     * default (a handler that renders documents or calls out).
     *
     * @since 1.3
     */
    default boolean executesInTransaction() {
        return false;
    }

    /**
     * Why this confirmed request can no longer be cancelled although its status
     * would allow it (its payment went to the bank); empty when it can.
     *
     * @since 1.3
     */
    default Optional<LocalizedText> whyNotCancellable(Confirmed<R> request) {
        return Optional.empty();
    }

    /**
     * The request ends unexecuted, by the client's cancellation or staff's
     * rejection ({@code to} says which), in the transaction of that move: undo
     * what {@link #execute} set aside (release the hold). Throw a
     * {@code ProblemException} to refuse; nothing changes then. The caller in
     * {@code request} is who cancels or rejects.
     *
     * @since 1.3
     */
    default void ending(Confirmed<R> request, InstructionStatus to, LocalizedText reason) {
    }

    /**
     * Work in progress is completed, by staff from the back-office queue or by the
     * service's own background work, in the transaction of that move: do what
     * completing means (post the claim rights, send the approved payment) and
     * return {@code Outcome.executed(documents)}, or {@code Outcome.working()} to
     * keep it in work as the system's until the service completes it itself.
     *
     * @since 1.3
     */
    default Outcome completing(Confirmed<R> request, List<String> documentIds) {
        return Outcome.executed(List.of());
    }
}
