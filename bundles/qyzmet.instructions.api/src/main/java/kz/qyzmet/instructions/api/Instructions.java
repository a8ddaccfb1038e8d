package kz.qyzmet.instructions.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.auth.api.ConfirmationChallenge;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;

/**
 * Client instructions: created by the client (or prepared by a manager at the
 * client's request, §35.3), confirmed with a code bound to their digest (§25.2),
 * then carried out by their service or by staff. Every step is journalled.
 * Refusals are {@code ProblemException}s with the reason in the client's language.
 */
@ProviderType
public interface Instructions {
    /** A client's new instruction, checked by its service's handler (§18); status DRAFT. */
    Instruction create(NewInstruction instruction, Session session, Caller caller);

    /**
     * What a service's "request" endpoint does: creates the instruction and sends
     * the code to confirm it, in one step (a security session is needed for the code).
     */
    Submission submit(NewInstruction instruction, Session session, Caller caller);

    /**
     * A manager prepares the instruction at the client's request (rules §35.3): it is
     * recorded as prepared by the manager, and the code goes to the client's registered
     * phone; the client signs it by entering the code in their own session
     * ({@link #confirm}), exactly as if they had created it.
     */
    Submission prepare(NewInstruction instruction, String clientId, Caller manager);

    /** Sends the client a code bound to the instruction's digest; status AWAITING_CONFIRMATION. Needs a security session. */
    ConfirmationChallenge requestConfirmation(String instructionId, Session session, Caller caller);

    /**
     * The client enters the code: the auth core checks it against this instruction's
     * digest; then the service's handler carries it out or queues it for staff.
     */
    Instruction confirm(String instructionId, String challengeId, String code, Session session, Caller caller);

    /**
     * The id of the stored "client instruction" form of a confirmed instruction of
     * this client (§45.4), issued at the first request and the same ever after.
     */
    String form(String instructionId, Session session, Caller caller);

    /** A cancellation instruction for one of the client's instructions not yet executed; confirm it like any other. */
    Instruction cancel(String instructionId, Session session, Caller caller);

    /** The instruction, if it is this client's; otherwise empty (another client's instruction does not exist for them). */
    Optional<Instruction> ofClient(String clientId, String instructionId);

    /** A client's instructions, newest first. */
    List<Instruction> ofClient(String clientId, int limit);

    /** A client's instructions to one service, newest first. */
    List<Instruction> ofClient(String clientId, String serviceId, int limit);

    Optional<Instruction> find(String instructionId);

    /**
     * Every status an instruction went through, oldest first (empty for one that does not exist).
     *
     * @since 2.1
     */
    List<StatusChange> history(String instructionId);

    // back office

    /** Items accepted for staff processing (those with a deadline), earliest deadline first. */
    List<Instruction> queue(QueueQuery query);

    Instruction take(String instructionId, Caller operator);

    /** Finishes work in progress (an operator's, or a service's background job) with the documents it produced. */
    Instruction complete(String instructionId, List<String> documentIds, Caller operator);

    Instruction reject(String instructionId, LocalizedText reason, Caller operator);
}
