package kz.qyzmet.auth.api;

import java.util.Locale;

/** What an identity may do. Staff roles (manager, operator, admin) log in with a password and a one-time code. */
public enum Role {
    /** A broker's client in the cabinet or the app. */
    CLIENT,
    /** A broker's manager who prepares instructions at a client's request (§35.3, §40). */
    MANAGER,
    /** Back office: client records, ledger, queue, unblocking (§31). */
    OPERATOR,
    /** Operators plus staff identities and platform settings. */
    ADMIN;

    /** The name used in {@code Caller.role()} and JSON: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStaff() {
        return this != CLIENT;
    }

    public static Role of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
