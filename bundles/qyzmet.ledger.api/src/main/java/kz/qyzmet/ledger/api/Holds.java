package kz.qyzmet.ledger.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Holds on client accounts (issue #15): an instruction that will take money or
 * securities off an account later (a withdrawal waiting for the bank) sets the
 * amount aside now, so that nothing else can spend it, and later either settles
 * it into postings or releases it. Each step is one immutable entry posted in one
 * transaction with the hold's new state and its audit record; a caller's open
 * transaction is joined, so a service can place a hold together with its own
 * rows and the instruction's move.
 *
 * @since 1.5
 */
@ProviderType
public interface Holds {

    /** How long a hold's reference may be. */
    int MAX_REFERENCE = 80;

    /**
     * Moves the amount from the account's AVAILABLE to its HELD part. Refused as
     * {@link Ledger#post} refuses: not enough money (rules §30.2), more securities
     * than on the account (§30.1), encumbered or blocked (§30.3). A request with
     * a reference already used answers with that hold when it asks for the same,
     * else it is refused ({@link LedgerRefusal.Reason#IDEMPOTENCY_CONFLICT}).
     *
     * @throws LedgerRefusal with the reason; nothing is held then
     */
    Hold place(HoldRequest request);

    /**
     * Settles a placed hold: one entry takes the held amount (what draws left of it) off the
     * account's HELD part and credits it to {@code counterparts} (e.g. the bank's
     * EXTERNAL account and the broker's fee account), which must add up to it in
     * the hold's asset. Settling a settled hold again answers with its settlement
     * entry (a retried job) and posts nothing; a released hold cannot be settled.
     *
     * @throws LedgerRefusal {@code UNKNOWN_HOLD}, {@code HOLD_CLOSED} or an unbalanced settlement; nothing is posted then
     */
    Entry settle(String reference, String kind, String description, List<Posting> counterparts, String actor);

    /**
     * Releases a placed hold back to the AVAILABLE part, with the reason for the
     * statement. Releasing a released hold again answers with its release entry; a
     * settled hold cannot be released.
     *
     * @throws LedgerRefusal {@code UNKNOWN_HOLD} or {@code HOLD_CLOSED}
     */
    Entry release(String reference, String reason, String actor);

    /**
     * Takes part of a placed hold, e.g. for one fill of an order (issue #17): one entry
     * takes {@code amount} off the account's HELD part and adds {@code postings}, which
     * balance it per asset and may move other assets too (the securities a fill
     * delivers). The hold stays placed with the rest, which {@link #settle} or
     * {@link #release} moves at the end. A repeated {@code key} answers with its
     * first entry and posts nothing.
     *
     * @throws LedgerRefusal {@code UNKNOWN_HOLD}, {@code HOLD_CLOSED}, {@code INVALID_AMOUNT} (more than is left) or as
     *                       {@link Ledger#post} refuses the postings; nothing is posted then
     * @since 1.6
     */
    Entry draw(String reference, String key, BigDecimal amount, String kind, String description, List<Posting> postings,
            String actor);

    /** What is left of a placed hold after its draws; zero for a closed or unknown one. @since 1.6 */
    BigDecimal remaining(String reference);

    Optional<Hold> find(String reference);

    /** The account's holds in that state (all states when null), newest first, at most {@code limit}. */
    List<Hold> ofAccount(String account, HoldState state, int limit);
}
