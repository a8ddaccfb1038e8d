package kz.qyzmet.service.withdrawal.internal;

/** Where a withdrawal's payment stands; it moves only forward (the table's trigger holds it to that). */
enum PaymentStage {
    /** Held, waiting for staff review (§7.2) before it may go to the bank. */
    REVIEW,
    /** Held, to be sent. */
    HELD,
    /** Being handed to the bank now: no longer cancellable. */
    SENDING,
    /** The bank has it; waiting for its answer. */
    SENT,
    /** Paid: the hold was settled into postings. Final. */
    SETTLED,
    /** The bank refused it: the hold was released. Final. */
    REJECTED,
    /** The client cancelled it before it was sent: the hold was released. Final. */
    CANCELLED,
    /** Staff rejected it in review: the hold was released. Final. */
    DECLINED;

    boolean isFinal() {
        return this == SETTLED || this == REJECTED || this == CANCELLED || this == DECLINED;
    }

    /** Still only on the broker's side: the client may cancel, staff may decline. */
    boolean isBeforeBank() {
        return this == REVIEW || this == HELD;
    }
}
