package kz.qyzmet.instructions.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.qyzmet.common.api.LocalizedText;

/**
 * A client instruction as it stands.
 *
 * @param id               opaque id
 * @param number           the number printed on its form, e.g. {@code CI-2026-000042}
 * @param serviceId        the electronic service
 * @param kind             the kind within the service
 * @param clientId         whose instruction it is
 * @param account          the personal account, or null
 * @param parameters       its details
 * @param summary          the line shown with the confirmation code
 * @param canonicalContent the RFC 8785 canonical JSON of everything above that the client confirms
 * @param digest           lower-case hex SHA-256 of {@code canonicalContent}
 * @param createdBy        the identity that created it (the client, or the manager of §35.3)
 * @param preparedBy       the manager who prepared it at the client's request, or null
 * @param createdAt        when
 * @param status           where it stands
 * @param confirmedAt      when the client confirmed it, or null
 * @param dueBy            the deadline of staff processing, or null
 * @param takenBy          the operator working on it, or null
 * @param reason           why it was refused, rejected or cancelled, or null
 * @param cancels          for a cancellation instruction: the instruction it cancels, else null
 * @param formDocumentId   the immutable "client instruction" form (§45.4) once it was first printed, or null
 * @param resultDocumentIds documents it produced (extract, report, ...)
 * @param updatedAt        when the status last moved
 */
public record Instruction(String id, String number, String serviceId, String kind, String clientId, String account,
        Map<String, Object> parameters, LocalizedText summary, String canonicalContent, String digest, String createdBy,
        String preparedBy, Instant createdAt, InstructionStatus status, Instant confirmedAt, Instant dueBy, String takenBy,
        LocalizedText reason, String cancels, String formDocumentId, List<String> resultDocumentIds, Instant updatedAt) {

    /** Staff processing ran past its deadline and is not finished. */
    public boolean isOverdue(Instant now) {
        return dueBy != null && !status.isFinal() && now.isAfter(dueBy);
    }
}
