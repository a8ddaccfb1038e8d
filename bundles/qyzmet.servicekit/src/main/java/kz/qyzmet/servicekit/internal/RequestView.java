package kz.qyzmet.servicekit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.qyzmet.auth.api.ConfirmationChallenge;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.instructions.api.Instruction;

/**
 * A request to a service on the kit as its client sees it (an instruction of
 * rules §8, §9): what was asked and confirmed, where it stands, what it
 * produced, with its links; {@code progress} is the service's own, e.g. its
 * job's. A member that does not apply yet is null: a request not yet confirmed has no form.
 *
 * @param parameters  the completed request the client confirms, as stored
 * @param digest      the SHA-256 of its canonical content, which the code is bound to (§25.2)
 * @param documents   links to the documents it produced
 */
public record RequestView(String id, String number, String service, String kind, String client, String account,
        Map<String, Object> parameters, String summary, String status, String digest, String createdBy, String preparedBy,
        Instant createdAt, Instant confirmedAt, Instant dueBy, boolean overdue, String takenBy, String reason, String cancels,
        String form, List<String> documents, Instant updatedAt, String self, Map<String, Object> progress) {

    static RequestView of(Instruction instruction, Language language, Instant now, Map<String, Object> progress) {
        return new RequestView(instruction.id(), instruction.number(), instruction.serviceId(), instruction.kind(),
                instruction.clientId(), instruction.account(), instruction.parameters(), instruction.summary().in(language),
                instruction.status().name(), instruction.digest(), instruction.createdBy(), instruction.preparedBy(),
                instruction.createdAt(), instruction.confirmedAt(), instruction.dueBy(), instruction.isOverdue(now),
                instruction.takenBy(), instruction.reason() == null ? null : instruction.reason().in(language),
                instruction.cancels(), instruction.confirmedAt() == null ? null
                        : "/api/v1/instructions/" + instruction.id() + "/form",
                instruction.resultDocumentIds().stream().map(id -> "/api/v1/documents/" + id).toList(),
                instruction.updatedAt(), "/api/v1/services/" + instruction.serviceId() + "/requests/" + instruction.id(),
                progress.isEmpty() ? null : progress);
    }

    /** The challenge a new request is confirmed with: its id, the digest it is bound to, where the code went, and where to answer. */
    public record Challenge(String challengeId, String digest, String channel, Instant expiresAt, String confirm) {
        static Challenge of(ConfirmationChallenge challenge, String confirm) {
            return new Challenge(challenge.id(), challenge.digest(), challenge.channel(), challenge.expiresAt(), confirm);
        }
    }

    /** The answer to a new request: the request, and the challenge to answer with the code. */
    public record Created(RequestView instruction, Challenge confirmation) {
    }

    /** The client's requests to one service, newest first. */
    public record Requests(List<RequestView> requests) {
    }
}
