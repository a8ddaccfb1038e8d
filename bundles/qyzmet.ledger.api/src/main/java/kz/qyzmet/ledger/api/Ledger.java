package kz.qyzmet.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The ledger. Every change is an {@link Entry}; nothing posted is ever changed
 * or deleted (the database refuses it too); corrections are reversals.
 */
@ProviderType
public interface Ledger {

    /** Defines an asset, or returns it unchanged when it exists with the same definition. */
    Asset defineAsset(Asset asset);

    Optional<Asset> asset(String code);

    /** Opens an account, or returns it when it exists with the same type and owner. */
    Account openAccount(String id, AccountType type, String owner, String name);

    Optional<Account> account(String id);

    /**
     * Closes a client's personal account (issue #16): refused with
     * {@link LedgerRefusal.Reason#ACCOUNT_NOT_EMPTY} while anything is on it — money or
     * securities, available, held or blocked. From then on every posting to it is
     * refused with {@link LedgerRefusal.Reason#ACCOUNT_CLOSED}; it is never reopened.
     * Journalled in the same transaction (the caller's when one is open).
     *
     * @since 1.5
     */
    Account closeAccount(String id, String actor);

    /** When the account was closed; empty while it is open. @since 1.5 */
    Optional<java.time.Instant> closedAt(String id);

    /**
     * The client's own personal account, or a 400 problem naming the field {@code account}
     * (rules §18): any other account is "not found" for the client, never "not yours".
     */
    /**
     * The account a client's request names, or the client's own main account
     * (its id is the client's) when it names none; refused as
     * {@link #requireClientAccount} refuses another's.
     */
    default Account requestedAccount(String requested, String clientId) {
        return requireClientAccount(requested == null || requested.isBlank() ? clientId : requested.strip(), clientId);
    }

    default Account requireClientAccount(String id, String clientId) {
        return clientAccount(id, clientId).orElseThrow(() -> kz.qyzmet.common.api.Requests.invalid("account",
                kz.qyzmet.common.api.LocalizedText.of("{account} жеке шоты табылмады.", "Лицевой счёт {account} не найден.",
                        "Personal account {account} not found.").format(java.util.Map.of("account", String.valueOf(id)))));
    }

    /** The client's own personal account (type CLIENT, owned by {@code clientId}); empty for any other. */
    default Optional<Account> clientAccount(String id, String clientId) {
        return id == null || clientId == null ? Optional.empty()
                : account(id).filter(account -> account.type() == AccountType.CLIENT && clientId.equals(account.owner()));
    }

    /**
     * Posts an entry in one transaction: balanced per asset, no account other than
     * EXTERNAL below zero on any sub-account, also under concurrent requests.
     *
     * @throws LedgerRefusal with the reason; nothing is posted then
     */
    Entry post(EntryRequest request);

    /**
     * Posts several entries in one transaction, all or none (e.g. a bank statement
     * imported by the back office). Each is checked as by {@link #post}; a repeated
     * idempotency key returns its earlier entry.
     *
     * @throws LedgerRefusal for the first entry that cannot be posted; nothing is posted then
     */
    List<Entry> postAll(List<EntryRequest> requests);

    /** Reverses an entry with an entry of the opposite postings that refers to it; an entry is reversed once. */
    Entry reverse(long entryId, String idempotencyKey, String reason, String actor);

    Optional<Entry> entry(long id);

    /** Current balances of every asset on the account. */
    List<Balance> balances(String account);

    /** Balances as they were at {@code asOf} (rules §16.2), recomputed from the postings. */
    List<Balance> balancesAsOf(String account, Instant asOf);

    /**
     * Every posting on the account in [{@code from}, {@code to}), oldest first,
     * without truncation (rules §16.3), streamed to {@code sink} so memory stays flat.
     *
     * @return how many operations were streamed
     */
    long operations(String account, Instant from, Instant to, Consumer<Operation> sink);

    /**
     * The postings of one asset on the account in [{@code from}, {@code to}), oldest
     * first, streamed like {@link #operations(String, Instant, Instant, Consumer)}: a
     * statement section per currency or security reads only its own rows.
     *
     * @return how many operations were streamed
     * @since 1.4
     */
    long operations(String account, String asset, Instant from, Instant to, Consumer<Operation> sink);
}
