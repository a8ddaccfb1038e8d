package kz.qyzmet.registry.api;

/** The authentication a service requires, weakest first. */
public enum Assurance {
    /** None: public information (e.g. an additional service for prospective clients, §17). */
    PUBLIC,
    /** A login session: the cabinet (§21). */
    LOGIN,
    /** A security session opened by multi-factor authentication (§21, §35, §36). */
    SECURITY_SESSION,
    /** A security session and a one-time code bound to each instruction (§25.2). */
    OPERATION_CONFIRMATION
}
