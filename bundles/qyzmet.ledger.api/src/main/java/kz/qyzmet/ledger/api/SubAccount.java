package kz.qyzmet.ledger.api;

/**
 * Every account is split into sub-accounts: what the owner may use, what a
 * pending instruction holds, and what an authority blocked. Holding or blocking
 * is a posting from {@link #AVAILABLE} to {@link #HELD} or {@link #BLOCKED}, so
 * available = balance − held − blocked always holds.
 */
public enum SubAccount {
    AVAILABLE, HELD, BLOCKED
}
