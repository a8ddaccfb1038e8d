package kz.qyzmet.ledger.api;

/** Kinds of ledger accounts. Only {@link #EXTERNAL} accounts may go below zero. */
public enum AccountType {
    /** A client's personal account in nominee holding. */
    CLIENT,
    /** The broker's own account. */
    BROKER,
    /** An omnibus account at a depository or bank holding clients' assets together. */
    OMNIBUS,
    /** The outside world (a bank's correspondent account, a depository): counterpart of money and securities coming in or going out. */
    EXTERNAL;

    public boolean mayGoNegative() {
        return this == EXTERNAL;
    }
}
