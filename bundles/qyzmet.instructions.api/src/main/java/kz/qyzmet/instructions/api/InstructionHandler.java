package kz.qyzmet.instructions.api;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.List;
import java.util.Optional;

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;

/**
 * A service's processing of its confirmed instructions, registered as an OSGi
 * service with the property {@value #SERVICE_PROPERTY} naming the service (not
 * {@code qyzmet.service.id}: that one makes a component a catalog entry). Without
 * a registered handler for its service an instruction cannot be confirmed (the
 * service is not installed): the client is told so and nothing changes.
 */
@ConsumerType
public interface InstructionHandler {
    /** Service property: the id of the electronic service whose instructions this handler carries out. */
    String SERVICE_PROPERTY = "qyzmet.instructions.service";

    /**
     * Checks an instruction before it is created (rules §18: the client fills it in
     * correctly). Throws {@code kz.qyzmet.common.api.ProblemException} naming the field.
     */
    void validate(NewInstruction instruction, String clientId);

    /**
     * Carries out a confirmed instruction, or says it must wait for staff
     * ({@link Outcome#queued()}), or refuses it with the reason.
     */
    Outcome execute(Instruction instruction, Caller caller);

    /**
     * Whether {@link #execute} only writes to the platform's database (a hold,
     * postings, the service's own rows, a queued job). Then it runs inside the
     * transaction that moves the instruction to its outcome: what it set aside and
     * the instruction's new status commit together or not at all (§45.1), and a
     * refusal it throws undoes what it wrote. A handler that writes files, calls
     * out or renders documents says false (the default) and runs before the move.
     *
     * @since 2.2
     */
    default boolean executesInTransaction() {
        return false;
    }

    /**
     * Why the instruction can no longer be cancelled although its status would
     * allow it (its payment went to the bank, say); empty when it can. Asked when
     * the client asks to cancel, and again, by {@link #ending}, when the
     * cancellation is confirmed.
     *
     * @since 2.2
     */
    default Optional<LocalizedText> whyNotCancellable(Instruction instruction) {
        return Optional.empty();
    }

    /**
     * The instruction is about to end without being executed: the client's
     * confirmed cancellation ({@link InstructionStatus#CANCELLED}) or staff's
     * rejection ({@link InstructionStatus#REJECTED}). Called in the transaction of
     * that move, to undo what {@link #execute} set aside (release a hold) together
     * with it. Throw a {@code ProblemException} to refuse the move with the reason
     * (the payment was sent meanwhile); nothing changes then.
     *
     * @since 2.2
     */
    default void ending(Instruction instruction, InstructionStatus to, LocalizedText reason, Caller caller) {
    }

    /**
     * Work in progress is being completed, by staff from the back-office queue or
     * by the service's own background work, in the transaction of that move: the
     * service does what completing means for it (posts the claim rights, sends
     * the approved payment). Returns {@link Outcome#executed} with any documents
     * of its own (added to {@code documentIds}), or {@link Outcome#working()} to keep
     * the instruction in work as the system's: the rest happens in the background
     * and the service completes it later. Throw a {@code ProblemException} to
     * refuse the completion with the reason; nothing changes then.
     *
     * @since 2.2
     */
    default Outcome completing(Instruction instruction, List<String> documentIds, Caller caller) {
        return Outcome.executed(List.of());
    }
}
