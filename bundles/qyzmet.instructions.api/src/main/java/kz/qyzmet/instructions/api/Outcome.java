package kz.qyzmet.instructions.api;

import java.util.List;

import kz.qyzmet.common.api.LocalizedText;

/** What a handler made of a confirmed instruction. */
public record Outcome(InstructionStatus status, List<String> documentIds, LocalizedText reason) {
    /** Carried out at once; the documents it produced. */
    public static Outcome executed(List<String> documentIds) {
        return new Outcome(InstructionStatus.EXECUTED, List.copyOf(documentIds), null);
    }

    /** Refused with the reason the client reads (§19, §29, §30). */
    public static Outcome refused(LocalizedText reason) {
        return new Outcome(InstructionStatus.REFUSED, List.of(), reason);
    }

    /**
     * Taken into work by the system itself (a background job, e.g. a long report):
     * IN_WORK without a staff deadline; the service later calls
     * {@link Instructions#complete} or {@link Instructions#reject}.
     */
    public static Outcome working() {
        return new Outcome(InstructionStatus.IN_WORK, List.of(), null);
    }

    /** Accepted for staff processing: it goes to the back-office queue. */
    public static Outcome queued() {
        return new Outcome(InstructionStatus.ACCEPTED, List.of(), null);
    }
}
