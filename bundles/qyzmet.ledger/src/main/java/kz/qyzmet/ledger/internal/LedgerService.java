package kz.qyzmet.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.ibatis.exceptions.PersistenceException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditedChanges;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.ledger.api.LedgerRefusal.Reason;
import kz.qyzmet.ledger.api.Operation;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.ledger.api.SubAccount;
import kz.qyzmet.ledger.internal.Rows.AccountRow;
import kz.qyzmet.ledger.internal.Rows.AssetRow;
import kz.qyzmet.ledger.internal.Rows.BalanceRow;
import kz.qyzmet.ledger.internal.Rows.EntryRow;
import kz.qyzmet.ledger.internal.Rows.PostingRow;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;

/**
 * The double-entry ledger on MariaDB. One entry is one transaction: the balance
 * rows it touches are locked in a fixed order (no deadlocks between entries),
 * checked, and updated together with the immutable postings, so no account
 * other than EXTERNAL ever goes below zero, also under concurrent requests.
 */
@Component(service = { Ledger.class, AuditedChanges.class })
public class LedgerService implements Ledger, AuditedChanges {
    static final int MAX_POSTINGS = 1000;

    private final Database database;
    private final Clock clock;
    private final AuditJournal audit;
    /** Asset and account definitions never change once made (no update path exists), so they are cached. */
    private final Map<String, AssetRow> assetCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AccountRow> accountCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Assets once defined never change (there is no way to redefine one), so every node
     * may remember them: a statement of 50 positions asks for 50 of them.
     */
    private final java.util.Map<String, Asset> assets = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public LedgerService(@Reference Persistence persistence, @Reference Clock clock, @Reference AuditJournal audit,
            BundleContext context) {
        this.database = persistence.open(context.getBundle(), "ledger", LedgerMapper.class);
        this.clock = clock;
        this.audit = audit;
    }

    /** The journal's record of each entry: subject {@code ledger-entry:<id>}. */
    static final String ENTRY_RECORD = "ledger.entry";
    static final String ENTRY_SUBJECT = "ledger-entry:";

    /** The verification of the journal checks that every entry has its record (issue #11, item 13). */
    @Override
    public String name() {
        return "ledger entries";
    }

    @Override
    public void forEach(java.util.function.Consumer<AuditedChanges.Expected> sink) {
        database.read(session -> {
            session.getMapper(LedgerMapper.class).entryIds(context -> sink.accept(new AuditedChanges.Expected(
                    ENTRY_SUBJECT + context.getResultObject(), ENTRY_RECORD, "ledger entry " + context.getResultObject())));
            return null;
        });
    }

    @Override
    public Asset defineAsset(Asset asset) {
        String pattern = switch (asset.kind()) {
        case CURRENCY -> "[A-Z]{3}";
        case SECURITY -> "[A-Z]{2}[A-Z0-9]{9}[0-9]";
        case CLAIM_RIGHT -> "R[A-Z]{2}[A-Z0-9]{9}";
        };
        if (asset.code() == null || !asset.code().matches(pattern)) {
            throw LedgerTexts.invalid(Reason.UNKNOWN_ASSET, "Актив коды қате: {code} (ISO 4217 немесе ISIN).",
                    "Неверный код актива: {code} (ISO 4217 или ISIN).", "Invalid asset code: {code} (ISO 4217 or ISIN).",
                    Map.of("code", String.valueOf(asset.code())));
        }
        AssetRow row = new AssetRow();
        row.code = asset.code();
        row.kind = asset.kind().name();
        row.scale = asset.scale();
        row.name = asset.name();
        return database.inTransaction(session -> {
            LedgerMapper ledger = session.getMapper(LedgerMapper.class);
            ledger.insertAsset(row);
            return toAsset(ledger.asset(asset.code()));
        });
    }

    @Override
    public Optional<Asset> asset(String code) {
        Asset known = assets.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Asset> found = Optional.ofNullable(database.read(session -> session.getMapper(LedgerMapper.class).asset(code)))
                .map(LedgerService::toAsset);
        found.ifPresent(asset -> assets.put(asset.code(), asset));
        return found;
    }

    @Override
    public Account openAccount(String id, AccountType type, String owner, String name) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw LedgerTexts.invalid(Reason.UNKNOWN_ACCOUNT, "Шот нөмірі қате: {id}.", "Неверный номер счёта: {id}.",
                    "Invalid account id: {id}.", Map.of("id", String.valueOf(id)));
        }
        AccountRow row = new AccountRow();
        row.id = id;
        row.type = type.name();
        row.owner = owner;
        row.name = name == null ? "" : name;
        row.openedAt = now();
        return database.inTransaction(session -> {
            LedgerMapper ledger = session.getMapper(LedgerMapper.class);
            if (ledger.insertAccount(row) == 0) {
                AccountRow existing = ledger.account(id);
                if (!existing.type.equals(row.type) || !java.util.Objects.equals(existing.owner, row.owner)) {
                    // the same id asked again for another kind or owner is a mistake, not a second opening
                    throw LedgerTexts.invalid(Reason.IDEMPOTENCY_CONFLICT,
                            "{id} шоты бар: түрі {type}, иесі {owner}.", "Счёт {id} уже открыт: тип {type}, владелец {owner}.",
                            "Account {id} exists already: type {type}, owner {owner}.", Map.of("id", id, "type", existing.type,
                                    "owner", String.valueOf(existing.owner)));
                }
            }
            return toAccount(ledger.account(id));
        });
    }

    @Override
    public Optional<Account> account(String id) {
        return Optional.ofNullable(database.read(session -> session.getMapper(LedgerMapper.class).account(id)))
                .map(LedgerService::toAccount);
    }

    @Override
    public Account closeAccount(String id, String actor) {
        return database.inTransaction(session -> {
            LedgerMapper ledger = session.getMapper(LedgerMapper.class);
            AccountRow account = requireAccount(ledger, id);
            if (AccountType.valueOf(account.type) != AccountType.CLIENT) {
                throw LedgerTexts.invalid(Reason.UNKNOWN_ACCOUNT, "{id} — клиенттің жеке шоты емес.",
                        "{id} — не лицевой счёт клиента.", "{id} is not a client's personal account.", Map.of("id", id));
            }
            // the balances first (as a posting locks them), then the account's row
            List<String> left = ledger.lockAccountBalances(id).stream().filter(row -> row.amount.signum() != 0)
                    .map(row -> row.asset + (SubAccount.valueOf(row.subAccount) == SubAccount.AVAILABLE ? ""
                            : " (" + row.subAccount.toLowerCase(java.util.Locale.ROOT) + ")"))
                    .distinct().toList();
            if (!left.isEmpty()) {
                throw LedgerTexts.invalid(Reason.ACCOUNT_NOT_EMPTY,
                        "{id} шотында әлі бар: {assets}. Алдымен оларды шығарыңыз немесе аударыңыз.",
                        "На счёте {id} ещё есть: {assets}. Сначала выведите или переведите их.",
                        "Account {id} still holds: {assets}. Withdraw or transfer them first.",
                        Map.of("id", id, "assets", String.join(", ", left)));
            }
            LocalDateTime at = now();
            if (ledger.closeAccount(id, at) == 1) {
                audit.record(AuditEvent.builder("ledger.account.closed", id).actor(actor, "ledger")
                        .detail("owner", String.valueOf(account.owner)).build());
            }
            return toAccount(account);
        });
    }

    @Override
    public Optional<Instant> closedAt(String id) {
        return Optional.ofNullable(database.read(session -> session.getMapper(LedgerMapper.class).closedAt(id)))
                .map(at -> at.toInstant(ZoneOffset.UTC));
    }

    @Override
    public Entry post(EntryRequest request) {
        return post(request, null);
    }

    private Entry post(EntryRequest request, Long reverses) {
        {
            try {
                // a deadlock victim is run again by the outermost transaction (qyzmet.persistence)
                return database.inTransaction(session -> postTogether(session.getMapper(LedgerMapper.class),
                        List.of(request), reverses).get(0));
            } catch (PersistenceException e) {
                // a repeat (or two requests with one key racing): answer with the entry that holds the key
                if (isDuplicateKey(e)) {
                    EntryRow winner = database.read(session -> session.getMapper(LedgerMapper.class).entryByKey(request.idempotencyKey()));
                    if (winner != null) {
                        return database.read(session -> replay(session.getMapper(LedgerMapper.class), winner, request));
                    }
                    if (reverses != null) {
                        throw alreadyReversed(reverses);
                    }
                }
                throw e;
            }
        }
    }

    @Override
    public List<Entry> postAll(List<EntryRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<String, EntryRequest> byKey = new HashMap<>();
        for (EntryRequest request : requests) {
            requireKey(request.idempotencyKey());
            if (byKey.put(request.idempotencyKey(), request) != null) {
                throw LedgerTexts.invalid(Reason.IDEMPOTENCY_CONFLICT, "{key} кілті бумада екі рет кездеседі.",
                        "Ключ {key} встречается в пакете дважды.", "Key {key} appears twice in the batch.",
                        Map.of("key", request.idempotencyKey()));
            }
        }
        return database.inTransaction(session -> {
            LedgerMapper ledger = session.getMapper(LedgerMapper.class);
            // a batch sent again answers with its earlier entries; the rest is posted, all in one transaction
            Map<String, EntryRow> earlier = new HashMap<>();
            for (EntryRow row : ledger.entriesByKeys(byKey.keySet())) {
                earlier.put(row.idempotencyKey, row);
            }
            List<EntryRequest> fresh = requests.stream().filter(request -> !earlier.containsKey(request.idempotencyKey())).toList();
            Map<String, Entry> posted = new HashMap<>();
            for (Entry entry : postTogether(ledger, fresh, null)) {
                posted.put(entry.idempotencyKey(), entry);
            }
            List<Entry> entries = new ArrayList<>();
            for (EntryRequest request : requests) {
                EntryRow repeat = earlier.get(request.idempotencyKey());
                entries.add(repeat != null ? replay(ledger, repeat, request) : posted.get(request.idempotencyKey()));
            }
            return entries;
        });
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == 1062)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Posts entries inside the caller's transaction with a handful of statements
     * whatever their number: the entries first (a repeated idempotency key fails
     * there, on the unique index, before any balance is judged), then one locking
     * read of every balance row involved (in primary-key order, the same for every
     * transaction, so none wait for each other in a circle), the checks in memory
     * in request order, and one write each for postings and balances.
     */
    private List<Entry> postTogether(LedgerMapper ledger, List<EntryRequest> requests, Long reverses) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<String, AssetRow> assets = new HashMap<>();
        Map<String, AccountRow> accounts = new HashMap<>();
        List<TreeMap<String, BigDecimal>> movesPerEntry = new ArrayList<>();
        TreeMap<String, BalanceRow> involved = new TreeMap<>();
        for (EntryRequest request : requests) {
            requireKey(request.idempotencyKey());
            if (request.postings().size() < 2 || request.postings().size() > MAX_POSTINGS) {
                throw LedgerTexts.invalid(Reason.UNBALANCED, "Жазбада 2-ден {max}-ға дейін проводка болуы керек.",
                        "В записи должно быть от 2 до {max} проводок.", "An entry needs 2 to {max} postings.",
                        Map.of("max", MAX_POSTINGS));
            }
            Map<String, BigDecimal> perAsset = new TreeMap<>();
            TreeMap<String, BigDecimal> moves = new TreeMap<>();
            for (Posting posting : request.postings()) {
                AssetRow asset = assets.computeIfAbsent(posting.asset(), code -> cachedAsset(ledger, code));
                AccountRow account = accounts.computeIfAbsent(posting.account(), id -> cachedAccount(ledger, id));
                requireAmount(posting, asset);
                perAsset.merge(posting.asset(), posting.amount(), BigDecimal::add);
                // the outside world may go below zero: nothing to check, no balance row to lock (no hot spot)
                if (!AccountType.valueOf(account.type).mayGoNegative()) {
                    String key = key(posting.account(), posting.asset(), posting.subAccount());
                    moves.merge(key, posting.amount(), BigDecimal::add);
                    involved.computeIfAbsent(key, k -> balanceKey(posting));
                }
            }
            perAsset.forEach((asset, sum) -> {
                if (sum.signum() != 0) {
                    throw LedgerTexts.invalid(Reason.UNBALANCED, "{asset} бойынша проводкалар теңгерілмеген (айырма {sum}).",
                            "Проводки по {asset} не сбалансированы (разница {sum}).",
                            "Postings in {asset} do not balance (difference {sum}).",
                            Map.of("asset", asset, "sum", sum.toPlainString()));
                }
            });
            movesPerEntry.add(moves);
        }

        LocalDateTime postedAt = now();
        List<EntryRow> entries = new ArrayList<>();
        for (EntryRequest request : requests) {
            EntryRow entry = new EntryRow();
            entry.idempotencyKey = request.idempotencyKey();
            entry.kind = text(request.kind(), 40, "kind");
            entry.description = text(request.description(), 500, "description");
            entry.reference = request.reference().length() > 200 ? request.reference().substring(0, 200) : request.reference();
            entry.reverses = reverses;
            entry.postedAt = postedAt;
            entry.actor = text(request.actor(), 200, "actor");
            entries.add(entry);
        }
        if (entries.size() == 1) {
            ledger.insertEntry(entries.get(0));
        } else {
            ledger.insertEntries(entries);
            // the driver does not report every id of a multi-row insert, and auto-increment steps differ
            // between a single server and Galera: the ids are read back by their unique keys
            Map<String, Long> ids = new HashMap<>();
            for (EntryRow inserted : ledger.entriesByKeys(entries.stream().map(entry -> entry.idempotencyKey).toList())) {
                ids.put(inserted.idempotencyKey, inserted.id);
            }
            entries.forEach(entry -> entry.id = ids.get(entry.idempotencyKey));
        }

        Map<String, BalanceRow> current = new HashMap<>();
        if (!involved.isEmpty()) {
            List<BalanceRow> locked = ledger.lockBalances(involved.values());
            if (locked.size() < involved.size()) {
                ledger.ensureBalances(involved.values());
                locked = ledger.lockBalances(involved.values());
            }
            for (BalanceRow row : locked) {
                current.put(key(row.accountId, row.asset, SubAccount.valueOf(row.subAccount)), row);
            }
        }
        // a closed account takes nothing (issue #16); read under a shared lock, after the balances' (as a closing locks them)
        List<String> closed = ledger.closedAmong(accounts.keySet());
        if (!closed.isEmpty()) {
            throw LedgerTexts.invalid(Reason.ACCOUNT_CLOSED, "{id} шоты жабылған: ол бойынша операция жүргізілмейді.",
                    "Счёт {id} закрыт: операции по нему не проводятся.", "Account {id} is closed: nothing is posted to it.",
                    Map.of("id", closed.get(0)));
        }
        for (TreeMap<String, BigDecimal> moves : movesPerEntry) {
            for (Map.Entry<String, BigDecimal> move : moves.entrySet()) {
                BalanceRow balance = current.get(move.getKey());
                BigDecimal after = balance.amount.add(move.getValue());
                if (after.signum() < 0) {
                    throw refusal(ledger, current, accounts.get(balance.accountId), assets.get(balance.asset),
                            SubAccount.valueOf(balance.subAccount), balance.amount, move.getValue().negate());
                }
                balance.amount = after;
            }
        }

        List<PostingRow> postings = new ArrayList<>();
        List<Entry> posted = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            EntryRow entry = entries.get(i);
            for (Posting posting : requests.get(i).postings()) {
                PostingRow row = new PostingRow();
                row.entryId = entry.id;
                row.accountId = posting.account();
                row.subAccount = posting.subAccount().name();
                row.asset = posting.asset();
                row.amount = posting.amount();
                row.postedAt = postedAt;
                postings.add(row);
            }
            posted.add(toEntry(entry, requests.get(i).postings(), false));
        }
        ledger.insertPostings(postings);
        if (!current.isEmpty()) {
            ledger.writeBalances(current.values());
        }
        for (int i = 0; i < entries.size(); i++) {
            // every entry, whoever posts it, has its record in the same transaction (§45.1, §45.3)
            EntryRow entry = entries.get(i);
            AuditEvent.Builder record = AuditEvent.builder(ENTRY_RECORD, ENTRY_SUBJECT + entry.id)
                    .actor(entry.actor, "ledger").detail("kind", entry.kind).detail("key", entry.idempotencyKey)
                    .detail("reference", entry.reference).detail("reverses", entry.reverses);
            for (Posting posting : requests.get(i).postings()) {
                record.detail(posting.account() + "/" + posting.subAccount().name() + "/" + posting.asset(),
                        posting.amount().toPlainString());
            }
            audit.record(record.build());
        }
        return posted;
    }

    private static BalanceRow balanceKey(Posting posting) {
        BalanceRow key = new BalanceRow();
        key.accountId = posting.account();
        key.asset = posting.asset();
        key.subAccount = posting.subAccount().name();
        return key;
    }

    /** An idempotent repeat: the same request gets the first entry; a different one under the same key is refused. */
    private Entry replay(LedgerMapper ledger, EntryRow earlier, EntryRequest request) {
        List<Posting> postings = ledger.postings(earlier.id).stream().map(LedgerService::toPosting).toList();
        if (!sameContent(postings, request.postings()) || !earlier.kind.equals(request.kind())) {
            throw LedgerTexts.invalid(Reason.IDEMPOTENCY_CONFLICT,
                    "{key} кілті басқа сұрауға пайдаланылған.", "Ключ {key} уже использован для другого запроса.",
                    "Key {key} was already used for a different request.", Map.of("key", request.idempotencyKey()));
        }
        return toEntry(earlier, postings, true);
    }

    private static boolean sameContent(List<Posting> stored, List<Posting> requested) {
        if (stored.size() != requested.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Posting a = stored.get(i);
            Posting b = requested.get(i);
            if (!a.account().equals(b.account()) || a.subAccount() != b.subAccount() || !a.asset().equals(b.asset())
                    || a.amount().compareTo(b.amount()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Rules §30: which refusal it is depends on the asset and on what is held or blocked. */
    private static LedgerRefusal refusal(LedgerMapper ledger, Map<String, BalanceRow> current, AccountRow account,
            AssetRow asset, SubAccount sub, BigDecimal before, BigDecimal needed) {
        if (sub != SubAccount.AVAILABLE) {
            return LedgerTexts.invalid(Reason.INVALID_AMOUNT,
                    "{account} шотында {sub} бөлігінде {asset} жеткіліксіз: {before}, қажет {needed}.",
                    "На счёте {account} в части {sub} недостаточно {asset}: {before}, нужно {needed}.",
                    "Account {account} has not enough {asset} {sub}: {before}, {needed} needed.",
                    Map.of("account", account.id, "sub", sub.name(), "asset", asset.code,
                            "before", scaled(before, asset).toPlainString(), "needed", scaled(needed, asset).toPlainString()));
        }
        // what this transaction locked is current; other sub-accounts are read as they stand
        Map<String, BalanceRow> known = new HashMap<>();
        for (BalanceRow row : ledger.balances(account.id)) {
            known.put(key(row.accountId, row.asset, SubAccount.valueOf(row.subAccount)), row);
        }
        known.putAll(current);
        BigDecimal held = amount(known, key(account.id, asset.code, SubAccount.HELD));
        BigDecimal blocked = amount(known, key(account.id, asset.code, SubAccount.BLOCKED));
        BigDecimal available = scaled(before, asset);
        // securities and claim rights are counted by quantity: §30.1 and §30.3, not "not enough money"
        if (!asset.kind.equals(AssetKind.CURRENCY.name())) {
            if (before.add(held).add(blocked).compareTo(needed) >= 0) {
                return LedgerTexts.encumbered(account.id, asset.code, available, scaled(held, asset), scaled(blocked, asset),
                        scaled(needed, asset));
            }
            return LedgerTexts.insufficientSecurities(account.id, asset.code, scaled(before.add(held).add(blocked), asset),
                    scaled(needed, asset));
        }
        return LedgerTexts.insufficientFunds(account.id, asset.code, available, scaled(needed, asset));
    }

    private static BigDecimal amount(Map<String, BalanceRow> current, String key) {
        BalanceRow row = current.get(key);
        return row == null ? BigDecimal.ZERO : row.amount;
    }

    @Override
    public Entry reverse(long entryId, String idempotencyKey, String reason, String actor) {
        EntryRow original = database.read(session -> session.getMapper(LedgerMapper.class).entry(entryId));
        if (original == null) {
            throw LedgerTexts.invalid(Reason.UNKNOWN_ENTRY, "{id} жазбасы жоқ.", "Записи {id} нет.", "There is no entry {id}.",
                    Map.of("id", entryId));
        }
        Long reversal = database.read(session -> session.getMapper(LedgerMapper.class).reversalOf(entryId));
        EntryRow replayed = database.read(session -> session.getMapper(LedgerMapper.class).entryByKey(idempotencyKey));
        if (reversal != null && (replayed == null || !replayed.id.equals(reversal))) {
            throw alreadyReversed(entryId);
        }
        List<Posting> opposite = database.read(session -> session.getMapper(LedgerMapper.class).postings(entryId)).stream()
                .map(row -> new Posting(row.accountId, SubAccount.valueOf(row.subAccount), row.asset, row.amount.negate()))
                .toList();
        return post(new EntryRequest(idempotencyKey, kz.qyzmet.ledger.api.OperationKinds.REVERSAL, "Reversal of entry " + entryId + ": " + reason,
                original.reference, actor, opposite), entryId);
    }

    private static LedgerRefusal alreadyReversed(long entryId) {
        return LedgerTexts.invalid(Reason.ALREADY_REVERSED, "{id} жазбасы бұрын сторноланған.",
                "Запись {id} уже сторнирована.", "Entry {id} has already been reversed.", Map.of("id", entryId));
    }

    @Override
    public Optional<Entry> entry(long id) {
        return database.read(session -> {
            LedgerMapper ledger = session.getMapper(LedgerMapper.class);
            EntryRow row = ledger.entry(id);
            return row == null ? Optional.<Entry>empty()
                    : Optional.of(toEntry(row, ledger.postings(id).stream().map(LedgerService::toPosting).toList(), false));
        });
    }

    @Override
    public List<Balance> balances(String account) {
        return database.read(session -> {
            LedgerMapper ledger = session.getMapper(LedgerMapper.class);
            AccountRow row = ledger.account(account);
            if (row != null && AccountType.valueOf(row.type).mayGoNegative()) {
                // external accounts keep no balance rows (see post): their balance is the sum of their postings
                return toBalances(ledger, account, ledger.balancesAsOf(account, LocalDateTime.of(9999, 12, 31, 0, 0)));
            }
            return toBalances(ledger, account, ledger.balances(account));
        });
    }

    @Override
    public List<Balance> balancesAsOf(String account, Instant asOf) {
        LocalDateTime at = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC);
        return database.read(session -> toBalances(session.getMapper(LedgerMapper.class), account,
                session.getMapper(LedgerMapper.class).balancesAsOf(account, at)));
    }

    private static List<Balance> toBalances(LedgerMapper ledger, String account, List<BalanceRow> rows) {
        Map<String, BigDecimal[]> byAsset = new TreeMap<>();
        for (BalanceRow row : rows) {
            BigDecimal[] parts = byAsset.computeIfAbsent(row.asset, asset -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
            parts[SubAccount.valueOf(row.subAccount).ordinal()] = row.amount;
        }
        List<Balance> balances = new ArrayList<>();
        byAsset.forEach((code, parts) -> {
            AssetRow asset = ledger.asset(code);
            balances.add(new Balance(account, code, scaled(parts[0], asset), scaled(parts[1], asset), scaled(parts[2], asset)));
        });
        return balances;
    }

    @Override
    public long operations(String account, Instant from, Instant to, Consumer<Operation> sink) {
        return operations(account, null, from, to, sink);
    }

    @Override
    public long operations(String account, String onlyAsset, Instant from, Instant to, Consumer<Operation> sink) {
        LocalDateTime start = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
        LocalDateTime end = LocalDateTime.ofInstant(to, ZoneOffset.UTC);
        return database.read(session -> {
            Map<String, AssetRow> assets = new HashMap<>();
            LedgerMapper ledger = session.getMapper(LedgerMapper.class);
            long[] count = { 0 };
            ledger.operations(account, onlyAsset, start, end, context -> {
                Rows.OperationRow row = context.getResultObject();
                AssetRow asset = assets.computeIfAbsent(row.asset, ledger::asset);
                sink.accept(new Operation(row.entryId, row.postingId, row.postedAt.toInstant(ZoneOffset.UTC), row.kind,
                        row.description, row.reference, row.reverses, SubAccount.valueOf(row.subAccount), row.asset,
                        scaled(row.amount, asset)));
                count[0]++;
            });
            return count[0];
        });
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }

    private static String key(String account, String asset, SubAccount sub) {
        return account + "\u0000" + asset + "\u0000" + sub.name();
    }

    private AssetRow cachedAsset(LedgerMapper ledger, String code) {
        AssetRow cached = assetCache.get(code);
        if (cached == null) {
            cached = requireAsset(ledger, code);
            assetCache.put(code, cached);
        }
        return cached;
    }

    private AccountRow cachedAccount(LedgerMapper ledger, String id) {
        AccountRow cached = accountCache.get(id);
        if (cached == null) {
            cached = requireAccount(ledger, id);
            accountCache.put(id, cached);
        }
        return cached;
    }

    private static AssetRow requireAsset(LedgerMapper ledger, String code) {
        AssetRow asset = ledger.asset(code);
        if (asset == null) {
            throw LedgerTexts.invalid(Reason.UNKNOWN_ASSET, "{code} активі белгісіз.", "Актив {code} неизвестен.",
                    "Unknown asset {code}.", Map.of("code", String.valueOf(code)));
        }
        return asset;
    }

    private static AccountRow requireAccount(LedgerMapper ledger, String id) {
        AccountRow account = ledger.account(id);
        if (account == null) {
            throw LedgerTexts.invalid(Reason.UNKNOWN_ACCOUNT, "{id} шоты жоқ.", "Счёта {id} нет.", "There is no account {id}.",
                    Map.of("id", String.valueOf(id)));
        }
        return account;
    }

    private static void requireAmount(Posting posting, AssetRow asset) {
        BigDecimal amount = posting.amount();
        if (amount == null || amount.signum() == 0 || amount.stripTrailingZeros().scale() > asset.scale) {
            throw LedgerTexts.invalid(Reason.INVALID_AMOUNT,
                    "{asset} сомасы нөл емес және үтірден кейін {scale} таңбадан аспауы керек: {amount}.",
                    "Сумма в {asset} должна быть ненулевой и иметь не более {scale} знаков после запятой: {amount}.",
                    "An amount in {asset} must be non-zero with at most {scale} decimals: {amount}.",
                    Map.of("asset", asset.code, "scale", asset.scale, "amount", String.valueOf(amount)));
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw LedgerTexts.invalid(Reason.INVALID_AMOUNT, "Идемпотенттілік кілті қажет (100 таңбаға дейін).",
                    "Нужен ключ идемпотентности (до 100 символов).", "An idempotency key (up to 100 characters) is required.",
                    Map.of());
        }
    }

    private static String text(String value, int max, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("entry needs a " + name);
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    static BigDecimal scaled(BigDecimal amount, AssetRow asset) {
        return amount.setScale(asset.scale, java.math.RoundingMode.UNNECESSARY);
    }

    private static Asset toAsset(AssetRow row) {
        return new Asset(row.code, AssetKind.valueOf(row.kind), row.scale, row.name);
    }

    private static Account toAccount(AccountRow row) {
        return new Account(row.id, AccountType.valueOf(row.type), row.owner, row.name, row.openedAt.toInstant(ZoneOffset.UTC));
    }

    private static Posting toPosting(PostingRow row) {
        return new Posting(row.accountId, SubAccount.valueOf(row.subAccount), row.asset, row.amount.stripTrailingZeros());
    }

    private static Entry toEntry(EntryRow row, List<Posting> postings, boolean replayed) {
        return new Entry(row.id, row.idempotencyKey, row.kind, row.description, row.reference, row.reverses,
                row.postedAt.toInstant(ZoneOffset.UTC), row.actor, postings, replayed);
    }
}
