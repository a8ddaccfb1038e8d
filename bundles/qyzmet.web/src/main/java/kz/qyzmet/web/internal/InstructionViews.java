package kz.qyzmet.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.instructions.api.Instruction;

/** Instructions and documents as the cabinet's pages show them, in the page's language. */
public final class InstructionViews {
    private InstructionViews() {
    }

    /** A line of a list of instructions. */
    public record Line(String id, String number, String service, String summary, String status, String statusText,
            String createdAt, String href) {
    }

    /** One instruction with everything a client may see and do with it. */
    /**
     * @param awaiting   waiting for the client's code: prepared by a manager at the client's request (§35.3), or
     *                   given and not yet confirmed
     * @param preparedBy the manager who prepared it, or null
     * @param digest     the SHA-256 of its content, which the code is bound to (§25.2)
     */
    public record Detail(Line line, String reason, String confirmedAt, String updatedAt, String form, boolean cancellable,
            String cancel, String events, boolean finished, List<DocumentLine> documents, List<Parameter> parameters,
            boolean awaiting, String preparedBy, String digest) {
    }

    public record Parameter(String name, String value) {
    }

    /** A step of the status history: when, the status it reached, and who moved it (the client, the broker, the system). */
    public record Step(String at, String status, String statusText, String by) {
    }

    static List<Step> history(List<kz.qyzmet.instructions.api.StatusChange> changes, Instruction instruction, PageContext context,
            Map<String, String> t) {
        return changes.stream().map(change -> new Step(context.time(change.at()), change.to().name(),
                t.getOrDefault("status." + change.to().name(), change.to().name()),
                change.actor().startsWith("system") ? t.get("history.system")
                        : change.actor().equals(instruction.createdBy()) && instruction.preparedBy() == null ? t.get("history.you")
                        : t.get("history.broker"))).toList();
    }

    /** A document with its download and its public verification. */
    public record DocumentLine(String id, String number, String title, String issuedAt, String size, String mediaType,
            String download, String verification) {
    }

    static Line line(Instruction instruction, PageContext context, Map<String, String> t) {
        String status = instruction.status().name();
        return new Line(instruction.id(), instruction.number(), instruction.serviceId(), context.text(instruction.summary()),
                status, t.getOrDefault("status." + status, status), context.time(instruction.createdAt()),
                "/cabinet/instructions/" + instruction.id());
    }

    /**
     * @param labels the service's form labels by request component (its parameters are shown by them; a
     *               parameter without one by its name)
     */
    static Detail detail(Instruction instruction, PageContext context, Map<String, String> t, List<StoredDocument> produced,
            Map<String, String> labels) {
        String base = "/api/v1/services/" + instruction.serviceId() + "/requests/" + instruction.id();
        List<Parameter> parameters = new ArrayList<>();
        instruction.parameters().forEach((name, value) -> parameters.add(new Parameter(labels.getOrDefault(name, name),
                value == null ? "—" : String.valueOf(value))));
        return new Detail(line(instruction, context, t), instruction.reason() == null ? null : context.text(instruction.reason()),
                context.time(instruction.confirmedAt()), context.time(instruction.updatedAt()),
                instruction.confirmedAt() == null ? null : "/api/v1/instructions/" + instruction.id() + "/form",
                instruction.status().isCancellable() && instruction.confirmedAt() != null, base + "/cancellation",
                base + "/events", instruction.status().isFinal(),
                produced.stream().map(document -> document(document, null, context)).toList(), parameters,
                instruction.status() == kz.qyzmet.instructions.api.InstructionStatus.AWAITING_CONFIRMATION,
                instruction.preparedBy(), instruction.digest());
    }

    static DocumentLine document(StoredDocument document, String verification, PageContext context) {
        return new DocumentLine(document.id(), document.number(), document.title(), context.time(document.issuedAt()),
                size(document.size()), document.mediaType(), "/api/v1/documents/" + document.id(), verification);
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
