package kz.qyzmet.registry.api;

/** The categories of electronic services of rules §7. */
public enum Category {
    /** §7.1 Information operations: extracts, reports. */
    INFORMATION,
    /** §7.2 Personal-account operations: funds, personal data, settings, security settings. */
    PERSONAL_ACCOUNT,
    /** §7.3 Trading operations. */
    TRADING,
    /** §17 Additional services for current and prospective clients. */
    ADDITIONAL
}
