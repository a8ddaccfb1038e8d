package kz.qyzmet.ledger.api;

import java.util.Map;

import kz.qyzmet.common.api.LocalizedText;

/**
 * The ledger refused a request, and says why in the client's language
 * (rules §29, §30). Nothing of a refused request was posted.
 */
public class LedgerRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** §30.2: not enough money for the trade or withdrawal. */
        INSUFFICIENT_FUNDS,
        /** §30.1: more securities to write off than on the account. */
        INSUFFICIENT_SECURITIES,
        /** §30.3: the securities (or money) are there but encumbered (held) or blocked. */
        ENCUMBERED,
        UNBALANCED, UNKNOWN_ACCOUNT, UNKNOWN_ASSET, INVALID_AMOUNT, UNKNOWN_ENTRY, ALREADY_REVERSED, IDEMPOTENCY_CONFLICT,
        /** No hold has that reference. @since 1.5 */
        UNKNOWN_HOLD,
        /** The hold was settled or released already: it cannot be settled or released (again). @since 1.5 */
        HOLD_CLOSED,
        /** The account is closed: nothing is posted to or from it any more. @since 1.5 */
        ACCOUNT_CLOSED,
        /** The account cannot be closed while money or securities are on it. @since 1.5 */
        ACCOUNT_NOT_EMPTY
    }

    private final Reason reason;
    private final LocalizedText text;
    private final Map<String, Object> details;

    public LedgerRefusal(Reason reason, LocalizedText text, Map<String, ?> details) {
        super(reason + ": " + text.en());
        this.reason = reason;
        this.text = text;
        this.details = Map.copyOf(details);
    }

    public Reason reason() {
        return reason;
    }

    public LocalizedText text() {
        return text;
    }

    public Map<String, Object> details() {
        return details;
    }
}
