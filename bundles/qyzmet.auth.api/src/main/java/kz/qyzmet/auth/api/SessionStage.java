package kz.qyzmet.auth.api;

/** How far a session has come (rules §21, §36). */
public enum SessionStage {
    /** Password accepted; a staff identity still has to enter the one-time code. Nothing else is allowed. */
    SECOND_FACTOR,
    /** Login session: the cabinet is open, operations are not (§21). */
    LOGIN,
    /** Security session: every stage of §35 passed; operations may be requested, each confirmed again (§25.2). */
    SECURITY
}
