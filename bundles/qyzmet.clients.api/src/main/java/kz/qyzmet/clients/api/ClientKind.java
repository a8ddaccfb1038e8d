package kz.qyzmet.clients.api;

/** Individuals (identified by IIN) and legal entities (by BIN), rules §10. */
public enum ClientKind {
    INDIVIDUAL, LEGAL_ENTITY
}
