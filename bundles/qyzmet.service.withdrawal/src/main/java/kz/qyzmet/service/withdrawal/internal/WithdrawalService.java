package kz.qyzmet.service.withdrawal.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;
import kz.qyzmet.sourceoffunds.api.SourceOfFunds;

/**
 * Withdrawal of money from the client's personal account to the client's own
 * bank account on record (issue #15). The client confirms exactly the amount,
 * the broker's fee and the IBAN (§25.2); at confirmation the amount plus fee is
 * held on the account, in the same transaction as the instruction's move
 * (refused with §30.2 when not available). Large amounts wait for staff review
 * in the back-office queue (§7.2); the rest goes to the bank at once through the
 * bank gateway. The bank's answer settles the hold into postings or releases
 * it, and the client reads the bank's reason. Cancellable until it is sent.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = WithdrawalService.ID, category = Category.PERSONAL_ACCOUNT,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Ақша шығару", title_ru = "Вывод денег", title_en = "Withdrawal",
        description_kk = "Жеке шоттан тіркелген банк шотыңызға ақша аудару; брокер комиссиясы тарифке сәйкес.",
        description_ru = "Перевод денег с лицевого счёта на ваш зарегистрированный банковский счёт; комиссия брокера по тарифу.",
        description_en = "Money from your personal account to your bank account on record; the broker's fee as per the tariff.")
public class WithdrawalService implements ServiceHandler<WithdrawalService.Request> {
    static final String ID = "withdrawal";

    /**
     * @param account  the personal account to withdraw from; the client's main one when absent
     * @param amount   what the bank account receives, positive, in the currency's minor units at most
     * @param currency ISO 4217 code of money on the account
     * @param iban     the client's bank account on record (the only allowed one); that one when absent
     * @param purpose  the payment's remittance line, optional
     * @param fee      the broker's fee from the tariff, completed by the service (never taken from the client)
     * @param bic      the bank's BIC on record, completed by the service
     */
    public record Request(
            @FormField(kk = "Жеке шот (бос болса — негізгі)", ru = "Лицевой счёт (пусто — основной)",
                    en = "Personal account (empty: your main one)") String account,
            @Required @FormField(kk = "Сома", ru = "Сумма", en = "Amount", input = FormField.Input.AMOUNT) BigDecimal amount,
            @Required @MaxLength(3) @FormField(kk = "Валюта (мысалы, KZT)", ru = "Валюта (например, KZT)",
                    en = "Currency (e.g. KZT)") String currency,
            @MaxLength(42) @FormField(kk = "Алушы IBAN (бос болса — тіркелген шотыңыз)",
                    ru = "IBAN получателя (пусто — ваш зарегистрированный счёт)",
                    en = "Beneficiary IBAN (empty: your account on record)") String iban,
            @MaxLength(100) @FormField(kk = "Төлем мақсаты", ru = "Назначение платежа", en = "Purpose of payment") String purpose,
            @FormField(kk = "Комиссия", ru = "Комиссия", en = "Fee", input = FormField.Input.COMPUTED) BigDecimal fee,
            @FormField(kk = "BIC", ru = "BIC", en = "BIC", input = FormField.Input.COMPUTED) String bic) {
    }

    private final Ledger ledger;
    private final Payments payments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClientRecords clients;

    /** The approved sources of funds large withdrawals need; without the service they are refused. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SourceOfFunds sourceOfFunds;

    @Activate
    public WithdrawalService(@Reference Ledger ledger, @Reference Payments payments) {
        this.ledger = ledger;
        this.payments = payments;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        Account account = ledger.requestedAccount(request.account(), context.clientId());
        String currency = request.currency().strip().toUpperCase(java.util.Locale.ROOT);
        Asset asset = ledger.asset(currency).filter(found -> found.kind() == AssetKind.CURRENCY)
                .orElseThrow(() -> Requests.invalid("currency", LocalizedText.of("{currency} валютасы белгісіз.",
                        "Валюта {currency} неизвестна.", "Unknown currency {currency}.").format(Map.of("currency", currency))));
        BigDecimal amount = asset.positive("amount", request.amount());
        Optional<LocalizedText> noSource = missingSourceOfFunds(context.clientId(), amount, currency, context.now());
        if (noSource.isPresent()) {
            throw new ProblemException(409, CommonProblems.CONFLICT, noSource.get(), Map.of("reason",
                    "SOURCE_OF_FUNDS_REQUIRED", "service", "source-of-funds"), Map.of());
        }
        Beneficiary beneficiary = Beneficiary.of(Optional.ofNullable(clients), context.clientId(), request.iban());
        BigDecimal fee = payments.tariff().fee(amount, currency, asset.scale());
        String purpose = request.purpose() == null || request.purpose().isBlank() ? null : request.purpose().strip();
        Request completed = new Request(account.id(), amount, currency, beneficiary.iban(), purpose, fee, beneficiary.bic());
        return new Draft<>("withdrawal", account.id(), completed, summary(completed));
    }

    /**
     * Why this withdrawal cannot go without a source of funds: from the configured
     * amount it needs an approved confirmation of the client's, still valid, in its
     * currency and covering its amount (issue #15). Empty when it can go.
     */
    Optional<LocalizedText> missingSourceOfFunds(String clientId, BigDecimal amount, String currency, java.time.Instant now) {
        Optional<BigDecimal> from = payments.tariff().sourceOfFundsFrom(amount, currency);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        SourceOfFunds sources = sourceOfFunds;
        if (sources != null && sources.covering(clientId, amount, currency, now).isPresent()) {
            return Optional.empty();
        }
        Map<String, Object> values = Map.of("from", from.get().stripTrailingZeros().toPlainString(), "currency", currency);
        return Optional.of(sources == null ? LocalizedText.of(
                "{from} {currency} және одан көп шығару үшін қаражат көзінің расталуы қажет, бірақ «Қаражат көзін растау»"
                        + " қызметі қазір қолжетімсіз: кейінірек қайталаңыз.",
                "Для вывода от {from} {currency} нужно подтверждение источника средств, но услуга «Подтверждение источника"
                        + " средств» сейчас недоступна: повторите позже.",
                "Withdrawals from {from} {currency} need an approved source-of-funds confirmation, but the \"Source of funds\""
                        + " service is not available now: try again later.").format(values)
                : LocalizedText.of(
                        "{from} {currency} және одан көп шығару үшін сомасын жабатын, бекітілген қаражат көзінің расталуы қажет:"
                                + " оны «Қаражат көзін растау» қызметі арқылы беріңіз.",
                        "Для вывода от {from} {currency} нужно одобренное подтверждение источника средств на эту сумму:"
                                + " подайте его через услугу «Подтверждение источника средств».",
                        "Withdrawals from {from} {currency} need an approved source-of-funds confirmation covering the amount:"
                                + " submit one with the \"Source of funds\" service.").format(values));
    }

    /** What the client confirms (§25.2): the amount, the fee, the total held and where it goes. */
    static LocalizedText summary(Request request) {
        BigDecimal total = request.amount().add(request.fee());
        int scale = request.amount().scale();
        java.util.function.Function<Language, String> money = language -> Formats.amount(request.amount(), scale, language)
                + " " + request.currency();
        java.util.function.Function<Language, String> fee = language -> Formats.amount(request.fee(), scale, language) + " "
                + request.currency();
        java.util.function.Function<Language, String> all = language -> Formats.amount(total, scale, language) + " "
                + request.currency();
        return LocalizedText.of(
                "Ақша шығару: " + money.apply(Language.KK) + " → " + request.iban() + ", комиссия " + fee.apply(Language.KK)
                        + ", барлығы " + all.apply(Language.KK) + " (" + request.account() + ")",
                "Вывод денег: " + money.apply(Language.RU) + " → " + request.iban() + ", комиссия " + fee.apply(Language.RU)
                        + ", всего " + all.apply(Language.RU) + " (" + request.account() + ")",
                "Withdrawal: " + money.apply(Language.EN) + " → " + request.iban() + ", fee " + fee.apply(Language.EN)
                        + ", total " + all.apply(Language.EN) + " (" + request.account() + ")");
    }

    /** The hold, the payment's row and the instruction's move commit together (§45.1). */
    @Override
    public boolean executesInTransaction() {
        return true;
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        Request request = confirmed.request();
        Instruction instruction = confirmed.instruction();
        // the approval may have run out between the request and its confirmation
        Optional<LocalizedText> noSource = missingSourceOfFunds(instruction.clientId(), request.amount(), request.currency(),
                payments.now());
        if (noSource.isPresent()) {
            return Outcome.refused(noSource.get());
        }
        boolean review = payments.tariff().needsReview(request.amount(), request.currency());
        String name = Optional.ofNullable(clients).flatMap(records -> records.find(instruction.clientId()))
                .map(client -> client.data().name()).orElse(instruction.clientId());
        try {
            payments.open(instruction, request, name, review, confirmed.caller());
        } catch (LedgerRefusal refused) {
            // §30.2: the amount with its fee is not available; nothing was held
            return Outcome.refused(refused.text());
        }
        return review ? Outcome.queued() : Outcome.working();
    }

    @Override
    public Optional<LocalizedText> whyNotCancellable(Confirmed<Request> request) {
        return payments.whyNotCancellable(request.instruction().id());
    }

    @Override
    public void ending(Confirmed<Request> request, InstructionStatus to, LocalizedText reason) {
        payments.undo(request.instruction().id(), to == InstructionStatus.CANCELLED ? PaymentStage.CANCELLED
                : PaymentStage.DECLINED, request.caller());
    }

    /**
     * Staff completing a reviewed withdrawal approve it: it goes to the bank and
     * stays in work as the system's until the bank answers. The service's own
     * completion after the bank paid finds it settled.
     */
    @Override
    public Outcome completing(Confirmed<Request> request, List<String> documentIds) {
        PaymentRow row = payments.find(request.instruction().id()).orElseThrow();
        return switch (row.state()) {
        case SETTLED -> Outcome.executed(List.of());
        case REVIEW -> {
            payments.approve(row.instructionId, request.caller());
            yield Outcome.working();
        }
        default -> throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                "Төлемді банк өңдеуде: ол банк жауабымен аяқталады.", "Платёж обрабатывает банк: он завершится ответом банка.",
                "The bank is processing the payment: it completes with the bank's answer."), Map.of("state", row.state),
                Map.of());
        };
    }

    @Override
    public Map<String, Object> progress(Instruction instruction) {
        return payments.find(instruction.id()).<Map<String, Object>>map(row -> {
            Map<String, Object> progress = new java.util.LinkedHashMap<>();
            progress.put("payment", row.state);
            progress.put("paymentId", row.paymentId);
            if (row.reasonCode != null) {
                progress.put("bankReason", row.reasonCode);
            }
            return progress;
        }).orElse(Map.of());
    }
}
