package kz.qyzmet.instructions.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Submission;

/** The JSON the cabinet and the back office see of an instruction at /api/v1/instructions (REST, so not in the API). */
final class InstructionViews {
    private InstructionViews() {
    }

    static Map<String, Object> view(Instruction instruction, Language language, java.time.Instant now) {
        boolean overdue = instruction.isOverdue(now);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", instruction.id());
        view.put("number", instruction.number());
        view.put("service", instruction.serviceId());
        view.put("kind", instruction.kind());
        view.put("client", instruction.clientId());
        view.put("account", instruction.account());
        view.put("parameters", instruction.parameters());
        view.put("summary", instruction.summary().in(language));
        view.put("status", instruction.status().name());
        view.put("digest", instruction.digest());
        view.put("createdBy", instruction.createdBy());
        view.put("preparedBy", instruction.preparedBy());
        view.put("createdAt", instruction.createdAt().toString());
        view.put("confirmedAt", instruction.confirmedAt() == null ? null : instruction.confirmedAt().toString());
        view.put("dueBy", instruction.dueBy() == null ? null : instruction.dueBy().toString());
        view.put("overdue", overdue);
        view.put("takenBy", instruction.takenBy());
        view.put("reason", instruction.reason() == null ? null : instruction.reason().in(language));
        view.put("cancels", instruction.cancels());
        view.put("form", instruction.confirmedAt() == null ? null : "/api/v1/instructions/" + instruction.id() + "/form");
        view.put("documents", instruction.resultDocumentIds().stream().map(id -> "/api/v1/documents/" + id).toList());
        view.put("updatedAt", instruction.updatedAt().toString());
        return view;
    }

    /** The answer to a service's request endpoint: the instruction, and the challenge to answer with the code. */
    static Map<String, Object> view(Submission submission, Language language, java.time.Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("instruction", view(submission.instruction(), language, now));
        view.put("confirmation", Map.of("challengeId", submission.challenge().id(), "digest", submission.challenge().digest(),
                "channel", submission.challenge().channel(), "expiresAt", submission.challenge().expiresAt().toString(),
                "confirm", "/api/v1/instructions/" + submission.instruction().id() + "/confirm"));
        return view;
    }
}
