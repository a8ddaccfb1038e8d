package kz.qyzmet.servicekit.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

import kz.qyzmet.instructions.api.Instruction;
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
}
