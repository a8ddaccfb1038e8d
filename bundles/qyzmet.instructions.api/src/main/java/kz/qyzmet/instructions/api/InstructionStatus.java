package kz.qyzmet.instructions.api;

/** Where an instruction stands. The content is fixed from creation; only the status moves, forward. */
public enum InstructionStatus {
    /** Created, not yet sent for confirmation. */
    DRAFT,
    /** A code bound to the digest was sent; waiting for the client to enter it (§25.2). */
    AWAITING_CONFIRMATION,
    /** The client confirmed exactly this digest inside a security session. */
    CONFIRMED,
    /** Accepted for processing by staff (§19); in the back-office queue with a deadline. */
    ACCEPTED,
    /** Refused with a reason (§19, §29, §30). Final. */
    REFUSED,
    /** Taken into work by an operator. */
    IN_WORK,
    /** Done. Final. */
    EXECUTED,
    /** Staff could not carry it out; the reason says why. Final. */
    REJECTED,
    /** Cancelled by the client's cancellation instruction before it was executed. Final. */
    CANCELLED;

    public boolean isFinal() {
        return this == REFUSED || this == EXECUTED || this == REJECTED || this == CANCELLED;
    }

    /** A cancellation instruction can still stop it (§7.2 "cancel instructions"). */
    public boolean isCancellable() {
        return this == DRAFT || this == AWAITING_CONFIRMATION || this == CONFIRMED || this == ACCEPTED || this == IN_WORK;
    }
}
