package kz.qyzmet.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Hold;
import kz.qyzmet.ledger.api.HoldRequest;
import kz.qyzmet.ledger.api.HoldState;
import kz.qyzmet.ledger.api.Holds;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.ledger.api.LedgerRefusal.Reason;
import kz.qyzmet.ledger.api.OperationKinds;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.ledger.api.SubAccount;
import kz.qyzmet.ledger.internal.HoldMapper.HoldRow;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;

/**
 * Holds as a lifecycle row beside ordinary ledger entries: placing posts
 * AVAILABLE → HELD, settling posts HELD → the counterparts, releasing posts
 * HELD → AVAILABLE; each posting and the row's move commit in one transaction
 * (the caller's, when one is open), with an audit record of the step. The
 * entries' idempotency keys derive from the reference, so a step retried after
 * a crash posts nothing twice; the row lock and the forward-only trigger make a
 * second settlement or a settlement after release impossible.
 */
@Component(service = Holds.class)
public class HoldService implements Holds {
    private static final String PLACE = "hold:";
    private static final String SETTLE = "hold-settle:";
    private static final String RELEASE = "hold-release:";

    private final Database database;
    private final Ledger ledger;
    private final AuditJournal audit;
    private final Clock clock;

    @Activate
    public HoldService(@Reference Persistence persistence, @Reference Ledger ledger, @Reference AuditJournal audit,
            @Reference Clock clock, BundleContext context) {
        this.database = persistence.open(context.getBundle(), "ledger", HoldMapper.class);
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Hold place(HoldRequest request) {
        String reference = reference(request.reference());
        if (request.amount().signum() <= 0) {
            throw LedgerTexts.invalid(Reason.INVALID_AMOUNT, "Бұғатталатын сома оң болуы керек: {amount}.",
                    "Резервируемая сумма должна быть положительной: {amount}.", "An amount to hold must be positive: {amount}.",
                    Map.of("amount", request.amount().toPlainString()));
        }
        Account account = ledger.account(request.account()).orElseThrow(() -> LedgerTexts.invalid(Reason.UNKNOWN_ACCOUNT,
                "{id} шоты жоқ.", "Счёта {id} нет.", "There is no account {id}.", Map.of("id", request.account())));
        if (account.type() == AccountType.EXTERNAL) {
            throw LedgerTexts.invalid(Reason.UNKNOWN_ACCOUNT, "{id} сыртқы шотында резерв болмайды.",
                    "На внешнем счёте {id} резерва не бывает.", "An external account ({id}) holds nothing.",
                    Map.of("id", request.account()));
        }
        String description = request.description() == null || request.description().isBlank()
                ? OperationKinds.label(OperationKinds.HOLD).en() : request.description();
        return database.inTransaction(session -> {
            HoldMapper holds = session.getMapper(HoldMapper.class);
            HoldRow existing = holds.lock(reference);
            if (existing != null) {
                if (!existing.accountId.equals(request.account()) || !existing.asset.equals(request.asset())
                        || existing.amount.compareTo(request.amount()) != 0) {
                    throw LedgerTexts.invalid(Reason.IDEMPOTENCY_CONFLICT,
                            "{reference} резерві басқа сомаға қойылған.", "Резерв {reference} уже поставлен на другую сумму.",
                            "Hold {reference} was placed for another amount.", Map.of("reference", reference));
                }
                return hold(existing);
            }
            Entry entry = ledger.post(new EntryRequest(PLACE + reference, OperationKinds.HOLD, description, reference,
                    request.actor(), List.of(new Posting(request.account(), SubAccount.AVAILABLE, request.asset(),
                            request.amount().negate()), new Posting(request.account(), SubAccount.HELD, request.asset(),
                                    request.amount()))));
            HoldRow row = new HoldRow();
            row.reference = reference;
            row.accountId = request.account();
            row.asset = request.asset();
            row.amount = request.amount();
            row.description = description.length() > 500 ? description.substring(0, 500) : description;
            row.placedEntry = entry.id();
            row.placedAt = now();
            row.placedBy = request.actor();
            holds.insert(row);
            audit.record(AuditEvent.builder("ledger.hold.placed", "hold:" + reference).actor(request.actor(), "ledger")
                    .detail("account", row.accountId).detail("asset", row.asset).detail("amount", row.amount.toPlainString())
                    .detail("entry", entry.id()).build());
            return hold(holds.find(reference));
        });
    }

    @Override
    public Entry settle(String reference, String kind, String description, List<Posting> counterparts, String actor) {
        return close(reference(reference), HoldState.SETTLED, actor, (row, rest) -> {
            BigDecimal credited = BigDecimal.ZERO;
            for (Posting counterpart : counterparts) {
                if (!counterpart.asset().equals(row.asset)) {
                    throw LedgerTexts.invalid(Reason.UNBALANCED, "{reference} резерві тек {asset} бойынша есептеледі.",
                            "Резерв {reference} рассчитывается только в {asset}.",
                            "Hold {reference} settles in {asset} only.", Map.of("reference", row.reference, "asset", row.asset));
                }
                credited = credited.add(counterpart.amount());
            }
            if (credited.compareTo(rest) != 0) {
                throw LedgerTexts.invalid(Reason.UNBALANCED,
                        "{reference} резервін есептеу {amount} {asset} құрауы керек, берілгені {credited}.",
                        "Расчёт по резерву {reference} должен составить {amount} {asset}, а не {credited}.",
                        "Settling hold {reference} must credit {amount} {asset}, not {credited}.",
                        Map.of("reference", row.reference, "amount", rest.stripTrailingZeros().toPlainString(),
                                "asset", row.asset, "credited", credited.toPlainString()));
            }
            if (rest.signum() == 0) {
                return null;
            }
            List<Posting> postings = new ArrayList<>();
            postings.add(new Posting(row.accountId, SubAccount.HELD, row.asset, rest.negate()));
            postings.addAll(counterparts);
            return new EntryRequest(SETTLE + row.reference, kind, description, row.reference, actor, postings);
        });
    }

    @Override
    public Entry release(String reference, String reason, String actor) {
        return close(reference(reference), HoldState.RELEASED, actor, (row, rest) -> rest.signum() == 0 ? null
                : new EntryRequest(RELEASE + row.reference, OperationKinds.RELEASE,
                        reason == null || reason.isBlank() ? row.description : reason, row.reference, actor,
                        List.of(new Posting(row.accountId, SubAccount.HELD, row.asset, rest.negate()),
                                new Posting(row.accountId, SubAccount.AVAILABLE, row.asset, rest))));
    }

    /**
     * The one forward move of a hold: its entry, its row and its record together. The
     * entry moves what draws left of it; when they took it all there is nothing to
     * move, and the hold closes on its last draw's entry.
     */
    private Entry close(String reference, HoldState to, String actor,
            java.util.function.BiFunction<HoldRow, BigDecimal, EntryRequest> entryOf) {
        return database.inTransaction(session -> {
            HoldMapper holds = session.getMapper(HoldMapper.class);
            HoldRow row = holds.lock(reference);
            if (row == null) {
                throw LedgerTexts.invalid(Reason.UNKNOWN_HOLD, "{reference} резерві жоқ.", "Резерва {reference} нет.",
                        "There is no hold {reference}.", Map.of("reference", reference));
            }
            HoldState state = HoldState.valueOf(row.state);
            if (state == to) {
                // a retried settlement or release: the entry it posted the first time, nothing new
                return ledger.entry(row.closingEntry).map(entry -> new Entry(entry.id(), entry.idempotencyKey(), entry.kind(),
                        entry.description(), entry.reference(), entry.reverses(), entry.postedAt(), entry.actor(),
                        entry.postings(), true)).orElseThrow();
            }
            if (state != HoldState.PLACED) {
                throw closed(reference, state);
            }
            BigDecimal rest = row.amount.subtract(holds.drawn(reference));
            EntryRequest closing = entryOf.apply(row, rest);
            Entry entry = closing != null ? ledger.post(closing)
                    : ledger.entry(holds.lastDrawEntry(reference)).orElseThrow();
            if (holds.close(reference, to.name(), entry.id(), now(), actor) != 1) {
                throw closed(reference, HoldState.valueOf(holds.find(reference).state));
            }
            audit.record(AuditEvent.builder(to == HoldState.SETTLED ? "ledger.hold.settled" : "ledger.hold.released",
                    "hold:" + reference).actor(actor, "ledger").detail("account", row.accountId).detail("asset", row.asset)
                    .detail("amount", rest.toPlainString()).detail("entry", entry.id()).build());
            return entry;
        });
    }

    /**
     * Takes part of a placed hold for one fill: the entry takes {@code amount} off the
     * HELD part and adds the caller's postings (which balance it, per asset); the
     * key makes a repeated draw answer with its first entry.
     */
    @Override
    public Entry draw(String reference, String key, BigDecimal amount, String kind, String description,
            List<Posting> postings, String actor) {
        String hold = reference(reference);
        if (key == null || key.isBlank() || key.length() > 120) {
            throw LedgerTexts.invalid(Reason.INVALID_AMOUNT, "Алу кілті қажет (120 таңбаға дейін).",
                    "Нужен ключ списания (до 120 символов).", "A draw needs a key (up to 120 characters).", Map.of());
        }
        return database.inTransaction(session -> {
            HoldMapper holds = session.getMapper(HoldMapper.class);
            HoldRow row = holds.lock(hold);
            if (row == null) {
                throw LedgerTexts.invalid(Reason.UNKNOWN_HOLD, "{reference} резерві жоқ.", "Резерва {reference} нет.",
                        "There is no hold {reference}.", Map.of("reference", hold));
            }
            Long earlier = holds.drawEntry(key);
            if (earlier != null) {
                return ledger.entry(earlier).orElseThrow();
            }
            if (HoldState.valueOf(row.state) != HoldState.PLACED) {
                throw closed(hold, HoldState.valueOf(row.state));
            }
            BigDecimal rest = row.amount.subtract(holds.drawn(hold));
            if (amount == null || amount.signum() <= 0 || amount.compareTo(rest) > 0) {
                throw LedgerTexts.invalid(Reason.INVALID_AMOUNT,
                        "{reference} резервінен {amount} алу мүмкін емес: қалғаны {rest}.",
                        "Из резерва {reference} нельзя списать {amount}: в нём осталось {rest}.",
                        "Cannot draw {amount} from hold {reference}: {rest} is left of it.",
                        Map.of("reference", hold, "amount", String.valueOf(amount), "rest", rest.toPlainString()));
            }
            List<Posting> all = new ArrayList<>();
            all.add(new Posting(row.accountId, SubAccount.HELD, row.asset, amount.negate()));
            all.addAll(postings);
            Entry entry = ledger.post(new EntryRequest("hold-draw:" + key, kind, description, hold, actor, all));
            holds.insertDraw(key, hold, amount, entry.id(), now(), actor == null ? "system" : actor);
            audit.record(AuditEvent.builder("ledger.hold.drawn", "hold:" + hold).actor(actor, "ledger")
                    .detail("account", row.accountId).detail("asset", row.asset).detail("amount", amount.toPlainString())
                    .detail("rest", rest.subtract(amount).toPlainString()).detail("entry", entry.id()).build());
            return entry;
        });
    }

    @Override
    public BigDecimal remaining(String reference) {
        return database.read(session -> {
            HoldMapper holds = session.getMapper(HoldMapper.class);
            HoldRow row = holds.find(reference);
            if (row == null || HoldState.valueOf(row.state) != HoldState.PLACED) {
                return BigDecimal.ZERO;
            }
            return row.amount.subtract(holds.drawn(reference));
        });
    }

    @Override
    public Optional<Hold> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(session -> session.getMapper(HoldMapper.class).find(reference)))
                .map(this::hold);
    }

    @Override
    public List<Hold> ofAccount(String account, HoldState state, int limit) {
        return database.read(session -> session.getMapper(HoldMapper.class).ofAccount(account,
                state == null ? null : state.name(), Math.max(1, Math.min(limit, 500)))).stream().map(this::hold).toList();
    }

    private static LedgerRefusal closed(String reference, HoldState state) {
        return LedgerTexts.invalid(Reason.HOLD_CLOSED, state == HoldState.SETTLED
                ? "{reference} резерві бойынша есеп айырысу жүргізілген." : "{reference} резерві босатылған.",
                state == HoldState.SETTLED ? "Резерв {reference} уже рассчитан." : "Резерв {reference} уже снят.",
                state == HoldState.SETTLED ? "Hold {reference} has been settled already."
                        : "Hold {reference} has been released already.", Map.of("reference", reference, "state", state.name()));
    }

    private static String reference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
            throw LedgerTexts.invalid(Reason.UNKNOWN_HOLD, "Резерв сілтемесі қажет ({max} таңбаға дейін).",
                    "Нужна ссылка резерва (до {max} символов).", "A hold needs a reference (up to {max} characters).",
                    Map.of("max", MAX_REFERENCE));
        }
        return reference;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }

    /** The amount in its asset's scale (2 for tenge), as balances show it. */
    private Hold hold(HoldRow row) {
        int scale = ledger.asset(row.asset).map(kz.qyzmet.ledger.api.Asset::scale).orElse(row.amount.stripTrailingZeros().scale());
        return new Hold(row.reference, row.accountId, row.asset, row.amount.setScale(Math.max(0, scale), java.math.RoundingMode.UNNECESSARY), row.description,
                HoldState.valueOf(row.state), row.placedEntry, row.placedAt.toInstant(ZoneOffset.UTC), row.closingEntry,
                row.closedAt == null ? null : row.closedAt.toInstant(ZoneOffset.UTC), row.closedBy);
    }
}
