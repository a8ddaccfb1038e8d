package kz.qyzmet.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;

/**
 * Money and securities an operator books in from outside. Such a posting only
 * ever brings assets in from the outside world: its counterpart is an EXTERNAL,
 * OMNIBUS or BROKER account, never a client's (client-to-client movements are
 * confirmed client instructions, rules §25), never the credited account itself,
 * and the asset is of the endpoint's kind. Above a configured amount it waits
 * for a second operator (maker-checker); the approval posts it. Every step is
 * journalled in the same transaction as its change.
 */
@Component(service = IncomingTransfers.class, configurationPid = LedgerConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LedgerConfiguration.class)
public class IncomingTransfers {
    static final String PAYMENT_IN = kz.qyzmet.ledger.api.OperationKinds.PAYMENT_IN;
    static final String SECURITIES_IN = kz.qyzmet.ledger.api.OperationKinds.SECURITIES_IN;
    private static final Set<AccountType> OUTSIDE = Set.of(AccountType.EXTERNAL, AccountType.OMNIBUS, AccountType.BROKER);

    private final Ledger ledger;
    private final Database database;
    private final AuditJournal audit;
    private final Clock clock;
    private final Map<String, BigDecimal> thresholds;

    /** What the operator asked for. */
    record Incoming(String kind, String idempotencyKey, String account, String counterpart, String asset, BigDecimal amount,
            String reference, String description) {
    }

    /** Posted at once, or waiting for a second operator. */
    record Outcome(Entry entry, Approval approval) {
    }

    /** A posting waiting for (or decided by) a second operator. */
    public record Approval(long id, String status, String kind, String idempotencyKey, String account, String counterpart,
            String asset, BigDecimal amount, String reference, String maker, Instant requestedAt, String checker,
            Instant decidedAt, Long entry, String reason) {
    }

    @Activate
    public IncomingTransfers(@Reference Ledger ledger, @Reference Persistence persistence, @Reference AuditJournal audit,
            @Reference Clock clock, BundleContext context, LedgerConfiguration configuration) {
        this.ledger = ledger;
        this.database = persistence.open(context.getBundle(), "ledger", ApprovalMapper.class);
        this.audit = audit;
        this.clock = clock;
        this.thresholds = thresholds(configuration.approval_thresholds());
    }

    static Map<String, BigDecimal> thresholds(String setting) {
        Map<String, BigDecimal> thresholds = new HashMap<>();
        for (String pair : setting.split(",")) {
            String[] assetAmount = pair.strip().split("=", 2);
            if (assetAmount.length == 2) {
                thresholds.put(assetAmount[0].strip().toUpperCase(Locale.ROOT), new BigDecimal(assetAmount[1].strip()));
            }
        }
        return Map.copyOf(thresholds);
    }

    /** Checks the posting and posts it, or files it for approval when it is above the threshold. */
    Outcome submit(Incoming incoming, Caller maker) {
        Asset asset = check(incoming);
        BigDecimal threshold = thresholds.getOrDefault(asset.code(), thresholds.get("*"));
        if (threshold == null || incoming.amount().compareTo(threshold) <= 0) {
            return new Outcome(post(incoming, maker.identity()), null);
        }
        return database.inTransaction(session -> {
            ApprovalMapper approvals = session.getMapper(ApprovalMapper.class);
            ApprovalMapper.ApprovalRow earlier = approvals.byKey(incoming.idempotencyKey());
            if (earlier != null) {
                return new Outcome(null, view(earlier)); // the same request again: the same approval
            }
            ApprovalMapper.ApprovalRow row = new ApprovalMapper.ApprovalRow();
            row.kind = incoming.kind();
            row.idempotencyKey = incoming.idempotencyKey();
            row.accountId = incoming.account();
            row.counterpartId = incoming.counterpart();
            row.asset = incoming.asset();
            row.amount = incoming.amount();
            row.reference = incoming.reference() == null ? "" : incoming.reference();
            row.description = description(incoming);
            row.maker = maker.identity();
            row.requestedAt = now();
            approvals.insert(row);
            audit.record(AuditEvent.builder("ledger.approval.requested", "approval:" + row.id).by(maker)
                    .detail("kind", row.kind).detail("account", row.accountId).detail("counterpart", row.counterpartId)
                    .detail("asset", row.asset).detail("amount", row.amount.toPlainString()).detail("threshold",
                            threshold.toPlainString()).detail("key", row.idempotencyKey).build());
            row.status = "PENDING";
            return new Outcome(null, view(row));
        });
    }

    /** A second operator approves: the entry is posted, the approval closed, both journalled, all in one transaction. */
    Approval approve(long id, Caller checker) {
        return database.inTransaction(session -> {
            ApprovalMapper approvals = session.getMapper(ApprovalMapper.class);
            ApprovalMapper.ApprovalRow row = pendingFor(approvals, id, checker);
            Incoming incoming = new Incoming(row.kind, row.idempotencyKey, row.accountId, row.counterpartId, row.asset,
                    row.amount, row.reference, row.description);
            Entry entry = post(incoming, row.maker + " / " + checker.identity());
            approvals.decide(id, "APPROVED", checker.identity(), now(), entry.id(), null);
            audit.record(AuditEvent.builder("ledger.approval.approved", "approval:" + id).by(checker)
                    .detail("maker", row.maker).detail("entry", entry.id()).build());
            return view(approvals.find(id));
        });
    }

    Approval reject(long id, String reason, Caller checker) {
        String why = Requests.required(reason, "reason");
        return database.inTransaction(session -> {
            ApprovalMapper approvals = session.getMapper(ApprovalMapper.class);
            ApprovalMapper.ApprovalRow row = pendingFor(approvals, id, checker);
            approvals.decide(id, "REJECTED", checker.identity(), now(), null, why.length() > 500 ? why.substring(0, 500) : why);
            audit.record(AuditEvent.builder("ledger.approval.rejected", "approval:" + id).by(checker)
                    .detail("maker", row.maker).detail("reason", why).build());
            return view(approvals.find(id));
        });
    }

    List<Approval> withStatus(String status, int limit) {
        return database.read(session -> session.getMapper(ApprovalMapper.class).withStatus(status, limit)).stream()
                .map(IncomingTransfers::view).toList();
    }

    private ApprovalMapper.ApprovalRow pendingFor(ApprovalMapper approvals, long id, Caller checker) {
        ApprovalMapper.ApprovalRow row = approvals.lock(id);
        if (row == null) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Мұндай растау сұрауы жоқ.",
                    "Такого запроса на подтверждение нет.", "No such approval request."));
        }
        if (!"PENDING".equals(row.status)) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of("Бұл сұрау шешілген: {status}.",
                    "Этот запрос уже решён: {status}.", "This request has been decided already: {status}.")
                    .format(Map.of("status", row.status)), Map.of("status", row.status), Map.of());
        }
        if (row.maker.equals(checker.identity())) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Өз сұрауыңызды өзіңіз растай алмайсыз: оны басқа оператор растауы керек.",
                    "Свой запрос нельзя подтвердить самому: его подтверждает другой оператор.",
                    "You cannot approve your own request: another operator must."));
        }
        return row;
    }

    private Entry post(Incoming incoming, String actor) {
        return ledger.post(new EntryRequest(incoming.idempotencyKey(), incoming.kind(), description(incoming),
                incoming.reference() == null ? "" : incoming.reference(), actor,
                List.of(Posting.of(incoming.counterpart(), incoming.asset(), incoming.amount().negate()),
                        Posting.of(incoming.account(), incoming.asset(), incoming.amount()))));
    }

    private static String description(Incoming incoming) {
        return incoming.description() == null || incoming.description().isBlank() ? incoming.kind() : incoming.description();
    }

    /** The rules of an incoming posting; the ledger itself checks the amount's scale and balance. */
    private Asset check(Incoming incoming) {
        Asset asset = ledger.asset(incoming.asset()).orElseThrow(() -> new LedgerRefusal(LedgerRefusal.Reason.UNKNOWN_ASSET,
                LocalizedText.of("{asset} активі жоқ.", "Актива {asset} нет.", "There is no asset {asset}.")
                        .format(Map.of("asset", incoming.asset())), Map.of("asset", incoming.asset())));
        AssetKind expected = PAYMENT_IN.equals(incoming.kind()) ? AssetKind.CURRENCY : AssetKind.SECURITY;
        if (asset.kind() != expected) {
            throw unprocessable("asset", expected == AssetKind.CURRENCY
                    ? LocalizedText.of("Төлем тек валютамен: бағалы қағаздар securities-in арқылы кіреді.",
                            "Платёж — только в валюте: ценные бумаги зачисляются через securities-in.",
                            "A payment is in a currency: securities come in through securities-in.")
                    : LocalizedText.of("Бағалы қағаздар ғана: ақша payments-in арқылы кіреді.",
                            "Только ценные бумаги: деньги зачисляются через payments-in.",
                            "Securities only: money comes in through payments-in."));
        }
        if (incoming.account().equals(incoming.counterpart())) {
            throw Requests.invalid("counterpart", LocalizedText.of("Контрагент шоты есептелетін шотпен бірдей.",
                    "Счёт контрагента совпадает со счётом зачисления.", "The counterpart is the credited account itself."));
        }
        Account counterpart = account(incoming.counterpart());
        account(incoming.account());
        if (!OUTSIDE.contains(counterpart.type())) {
            // §25: money moves from one client to another only by that client's confirmed instruction
            throw unprocessable("counterpart", LocalizedText.of(
                    "Контрагент — сыртқы, омнибус немесе брокер шоты ғана; клиенттер арасындағы аударым клиенттің расталған нұсқамасымен ғана жасалады.",
                    "Контрагент — только внешний, омнибусный или брокерский счёт; перевод между клиентами — только по подтверждённому поручению клиента.",
                    "The counterpart must be an external, omnibus or broker account; money moves between clients only by a"
                            + " client's confirmed instruction."));
        }
        return asset;
    }

    private Account account(String id) {
        return ledger.account(id).orElseThrow(() -> new LedgerRefusal(LedgerRefusal.Reason.UNKNOWN_ACCOUNT,
                LocalizedText.of("{id} шоты жоқ.", "Счёта {id} нет.", "There is no account {id}.").format(Map.of("id", id)),
                Map.of("account", id)));
    }

    private static ProblemException unprocessable(String field, LocalizedText detail) {
        return new ProblemException(422, CommonProblems.VALIDATION, detail, Map.of("field", field), Map.of());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }

    private static Approval view(ApprovalMapper.ApprovalRow row) {
        return new Approval(row.id, row.status, row.kind, row.idempotencyKey, row.accountId, row.counterpartId, row.asset,
                row.amount, row.reference, row.maker, row.requestedAt == null ? null : row.requestedAt.toInstant(ZoneOffset.UTC),
                row.checker, row.decidedAt == null ? null : row.decidedAt.toInstant(ZoneOffset.UTC), row.entryId, row.reason);
    }
}
