package kz.qyzmet.ledger.api;

/**
 * Where a hold stands. It moves once and only forward: a placed hold is either
 * settled into postings or released back to the available part, never both and
 * never twice (issue #15).
 *
 * @since 1.5
 */
public enum HoldState {
    /** The amount sits on the account's HELD part, waiting for its instruction. */
    PLACED,
    /** The held amount left the account in the settlement entry. Final. */
    SETTLED,
    /** The held amount went back to the account's AVAILABLE part. Final. */
    RELEASED
}
