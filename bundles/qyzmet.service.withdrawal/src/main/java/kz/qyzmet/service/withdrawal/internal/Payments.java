package kz.qyzmet.service.withdrawal.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.jobs.api.Jobs;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.HoldRequest;
import kz.qyzmet.ledger.api.Holds;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.OperationKinds;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.payments.api.PaymentOrder;
import kz.qyzmet.payments.api.PaymentState;
import kz.qyzmet.payments.api.PaymentStatus;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Migrations;
import kz.qyzmet.persistence.api.Persistence;

/**
 * The withdrawals' payments and every move of one, each in one transaction with
 * the ledger's hold and the audit record (the caller's transaction when one is
 * open, e.g. the instruction's move): opened with the hold when the client
 * confirms, approved by staff when large, sent to the bank by the
 * {@link WithdrawalWorker}, and finished by the bank's answer (hold settled into
 * postings, or released) or undone before it went out (cancelled, declined).
 */
@Header(name = Migrations.SCHEMA_HEADER, value = Payments.SCHEMA)
@Component(service = Payments.class, configurationPid = Payments.PID)
@Designate(ocd = WithdrawalConfiguration.class)
public class Payments {
    static final String SCHEMA = "withdrawal";
    static final String PID = "kz.qyzmet.withdrawal";
    static final String JOB = "withdrawal";

    private final Database database;
    private final Holds holds;
    private final Ledger ledger;
    private final AuditJournal audit;
    private final Jobs jobs;
    private final Instructions instructions;
    private final WithdrawalConfiguration configuration;
    private final Tariff tariff;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    @Activate
    public Payments(@Reference Persistence persistence, @Reference Holds holds, @Reference Ledger ledger,
            @Reference AuditJournal audit, @Reference Jobs jobs, @Reference Instructions instructions,
            WithdrawalConfiguration configuration, BundleContext context) {
        this.database = persistence.open(context.getBundle(), SCHEMA, PaymentMapper.class);
        this.holds = holds;
        this.ledger = ledger;
        this.audit = audit;
        this.jobs = jobs;
        this.instructions = instructions;
        this.configuration = configuration;
        this.tariff = Tariff.of(configuration);
        // the counterparts of every settlement: the bank's side pays out, the broker's account takes the fee
        ledger.openAccount(configuration.bank_account(), AccountType.EXTERNAL, null, "Correspondent bank account");
        ledger.openAccount(configuration.fee_account(), AccountType.BROKER, null, "Broker's own account");
    }

    Tariff tariff() {
        return tariff;
    }

    WithdrawalConfiguration configuration() {
        return configuration;
    }

    Instant now() {
        return clock.instant();
    }

    static String holdReference(String instructionId) {
        return "withdrawal:" + instructionId;
    }

    /**
     * The client confirmed (§25.2): the amount and the fee are held (refused with
     * §30.2 when not available) and the payment is recorded, to be reviewed by
     * staff or sent at once.
     */
    void open(Instruction instruction, WithdrawalService.Request request, String creditorName, boolean review, Caller caller) {
        BigDecimal total = request.amount().add(request.fee());
        String reference = holdReference(instruction.id());
        database.inTransaction(db -> {
            holds.place(new HoldRequest(reference, instruction.account(), request.currency(), total,
                    "Withdrawal " + instruction.number() + " to " + request.iban(), caller.identity()));
            PaymentRow row = new PaymentRow();
            row.instructionId = instruction.id();
            row.paymentId = instruction.number().replaceAll("[^A-Za-z0-9-]", "");
            row.instructionNo = instruction.number();
            row.clientId = instruction.clientId();
            row.accountId = instruction.account();
            row.currency = request.currency();
            row.amount = request.amount();
            row.fee = request.fee();
            row.creditorName = creditorName;
            row.creditorIban = request.iban();
            row.creditorBic = request.bic();
            row.purpose = request.purpose() == null ? "" : request.purpose();
            row.holdReference = reference;
            row.state = (review ? PaymentStage.REVIEW : PaymentStage.HELD).name();
            row.reviewed = review;
            row.createdAt = utc(now());
            row.updatedAt = row.createdAt;
            db.getMapper(PaymentMapper.class).insert(row);
            audit.record(event("withdrawal.held", row, caller).detail("total", total.toPlainString())
                    .detail("review", review).build());
            if (!review) {
                jobs.enqueue(JOB, instruction.id(), Map.of());
            }
            return null;
        });
    }

    Optional<PaymentRow> find(String instructionId) {
        return Optional.ofNullable(database.read(db -> db.getMapper(PaymentMapper.class).find(instructionId)));
    }

    List<PaymentRow> list(List<String> states, int limit) {
        return database.read(db -> db.getMapper(PaymentMapper.class).list(states, Math.max(1, Math.min(limit, 500))));
    }

    /** Why the client can no longer cancel: the payment went to the bank. */
    Optional<LocalizedText> whyNotCancellable(String instructionId) {
        return find(instructionId).filter(row -> !row.state().isBeforeBank() && !row.state().isFinal())
                .map(row -> ALREADY_SENT);
    }

    static final LocalizedText ALREADY_SENT = LocalizedText.of(
            "Төлем банкке жіберілді: оны енді болдырмау мүмкін емес.",
            "Платёж уже отправлен в банк: отменить его нельзя.",
            "The payment has been sent to the bank: it can no longer be cancelled.");

    /**
     * The client cancelled or staff declined before the payment went out: the hold
     * is released with the instruction's move. After the bank refused it the hold
     * is released already and nothing is left to undo.
     */
    void undo(String instructionId, PaymentStage to, Caller caller) {
        database.inTransaction(db -> {
            PaymentMapper payments = db.getMapper(PaymentMapper.class);
            PaymentRow row = payments.lock(instructionId);
            if (row == null || row.state() == PaymentStage.REJECTED) {
                return null;
            }
            if (!row.state().isBeforeBank()) {
                throw new ProblemException(409, CommonProblems.CONFLICT, ALREADY_SENT, Map.of("state", row.state), Map.of());
            }
            holds.release(row.holdReference, (to == PaymentStage.CANCELLED
                    ? "Withdrawal cancelled: " : "Withdrawal declined: ") + row.instructionNo, caller.identity());
            payments.move(instructionId, row.state, to.name(), utc(now()));
            audit.record(event("withdrawal." + to.name().toLowerCase(java.util.Locale.ROOT), row, caller).build());
            return null;
        });
    }

    /** Staff approved a reviewed withdrawal (§7.2): it goes to the bank now. */
    void approve(String instructionId, Caller caller) {
        database.inTransaction(db -> {
            PaymentMapper payments = db.getMapper(PaymentMapper.class);
            PaymentRow row = payments.lock(instructionId);
            if (row == null || row.state() != PaymentStage.REVIEW) {
                throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                        "Төлем тексеруді күтпейді.", "Платёж не ждёт проверки.", "The payment is not waiting for review."),
                        Map.of("state", row == null ? "none" : row.state), Map.of());
            }
            payments.move(instructionId, row.state, PaymentStage.HELD.name(), utc(now()));
            audit.record(event("withdrawal.approved", row, caller).build());
            jobs.enqueue(JOB, instructionId, Map.of());
            return null;
        });
    }

    /** The payment is about to go to the bank: from now on it cannot be cancelled. Empty when it is not to be sent. */
    Optional<PaymentRow> beginSending(String instructionId, Caller system) {
        return database.inTransaction(db -> {
            PaymentMapper payments = db.getMapper(PaymentMapper.class);
            PaymentRow row = payments.lock(instructionId);
            if (row == null) {
                return Optional.<PaymentRow>empty();
            }
            if (row.state() == PaymentStage.HELD) {
                payments.move(instructionId, row.state, PaymentStage.SENDING.name(), utc(now()));
                audit.record(event("withdrawal.sending", row, system).build());
                return Optional.of(payments.find(instructionId));
            }
            // SENDING: a run cut off between taking it and the bank's receipt sends it again (the bank pays it once)
            return row.state() == PaymentStage.SENDING ? Optional.of(row)
                    : Optional.<PaymentRow>empty();
        });
    }

    void sent(String instructionId, String gateway, String submission, Caller system) {
        database.inTransaction(db -> {
            PaymentMapper payments = db.getMapper(PaymentMapper.class);
            if (payments.sent(instructionId, gateway, submission, utc(now())) == 1) {
                audit.record(event("withdrawal.sent", payments.find(instructionId), system).detail("gateway", gateway)
                        .detail("submission", submission).build());
            }
            return null;
        });
    }

    /**
     * The bank's final answer, in the transaction that finishes the job: settled
     * (the hold becomes the postings to the bank and the fee account, and the
     * instruction is executed) or rejected (the hold is released and the
     * instruction rejected with the bank's reason in the client's words).
     */
    void answered(String instructionId, PaymentStatus status, Caller system) {
        database.inTransaction(db -> {
            PaymentMapper mapper = db.getMapper(PaymentMapper.class);
            PaymentRow row = mapper.lock(instructionId);
            if (row == null || row.state() != PaymentStage.SENT) {
                return null;
            }
            LocalDateTime at = utc(now());
            LocalDateTime answeredAt = status.at() == null ? at : utc(status.at());
            if (status.state() == PaymentState.SETTLED) {
                List<Posting> counterparts = new ArrayList<>();
                counterparts.add(Posting.of(configuration.bank_account(), row.currency, row.amount));
                if (row.fee.signum() > 0) {
                    counterparts.add(Posting.of(configuration.fee_account(), row.currency, row.fee));
                }
                long entry = holds.settle(row.holdReference, OperationKinds.WITHDRAWAL, "Withdrawal " + row.instructionNo
                        + " to " + row.creditorIban + (row.fee.signum() > 0 ? ", fee " + row.fee.stripTrailingZeros()
                                .toPlainString() : ""), counterparts, system.identity()).id();
                mapper.answered(instructionId, PaymentStage.SETTLED.name(), status.bankReference(), null, null, answeredAt, at);
                audit.record(event("withdrawal.settled", row, system).detail("entry", entry)
                        .detail("bankReference", status.bankReference()).build());
                instructions.complete(instructionId, List.of(), system);
            } else {
                String text = status.reasonText() == null ? "" : status.reasonText();
                holds.release(row.holdReference, "Withdrawal " + row.instructionNo + " rejected by the bank: "
                        + status.reasonCode() + " " + text, system.identity());
                mapper.answered(instructionId, PaymentStage.REJECTED.name(), status.bankReference(), status.reasonCode(),
                        text.length() > 500 ? text.substring(0, 500) : text, answeredAt, at);
                audit.record(event("withdrawal.rejected", row, system).detail("code", status.reasonCode())
                        .detail("reason", text).build());
                instructions.reject(instructionId, BankReasons.of(status.reasonCode(), text), system);
            }
            return null;
        });
    }

    /** The order the bank receives for the payment. */
    static PaymentOrder order(PaymentRow row, java.time.LocalDate executionDate) {
        return new PaymentOrder(row.paymentId, row.clientId, row.creditorName, row.creditorIban, row.creditorBic, row.amount,
                row.currency, row.purpose.isBlank() ? "Withdrawal " + row.instructionNo : row.purpose + " / " + row.instructionNo,
                executionDate);
    }

    private static AuditEvent.Builder event(String type, PaymentRow row, Caller caller) {
        return AuditEvent.builder(type, row.instructionId).by(caller).detail("number", row.instructionNo)
                .detail("account", row.accountId).detail("currency", row.currency).detail("amount", row.amount.toPlainString())
                .detail("fee", row.fee.toPlainString()).detail("iban", row.creditorIban);
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

}
