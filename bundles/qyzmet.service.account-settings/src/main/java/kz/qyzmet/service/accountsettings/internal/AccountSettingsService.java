package kz.qyzmet.service.accountsettings.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.registry.api.Processing;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * Account settings (issue #16, §7.2), processed by staff within 3 business days:
 * closing a personal account — refused, with what stands in the way, while money,
 * securities, holds or open instructions remain; staff completing it closes the
 * account on the ledger, which from then on takes no operation — and ordering a
 * certificate of the account (its balances as staff issue it), a statement for
 * a past period or a copy of the contract — documents staff attach and the
 * client downloads. Cancelling an instruction under way is on the service's
 * page (the core's cancellation, confirmed with its own code).
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = AccountSettingsService.ID, category = Category.PERSONAL_ACCOUNT,
        assurance = Assurance.OPERATION_CONFIRMATION, processing = Processing.STAFF, processing_days = 3,
        title_kk = "Шот баптаулары", title_ru = "Настройки счёта", title_en = "Account settings",
        description_kk = "Анықтама, өткен кезеңнің үзінді көшірмесі немесе шарт көшірмесіне тапсырыс; өтінішті болдырмау; шотты жабу.",
        description_ru = "Заказ справки, выписки за прошедший период или копии договора; отмена поручения; закрытие счёта.",
        description_en = "Order a certificate, a statement for a past period or a copy of the contract; cancel an instruction; close the account.")
public class AccountSettingsService implements ServiceHandler<AccountSettingsService.Request> {
    static final String ID = "account-settings";
    static final String CERTIFICATE = "account-certificate";

    /**
     * @param operation what to do with the account
     * @param account   the personal account; the client's main one when absent
     * @param language  of the certificate; the session's when absent
     */
    public record Request(
            @Required @FormField(kk = "Не істейміз", ru = "Что сделать", en = "What to do") @OneOf(value = { "certificate",
                    "statement", "contract-copy", "close-account" }, labels = {
                            "Шот туралы анықтама|Справка по счёту|Certificate of the account",
                            "Өткен кезеңнің үзінді көшірмесі|Выписка за прошедший период|Statement for a past period",
                            "Шарттың көшірмесі|Копия договора|Copy of the contract",
                            "Шотты жабу|Закрыть счёт|Close the account" }) String operation,
            @FormField(kk = "Жеке шот (бос болса — негізгі)", ru = "Лицевой счёт (пусто — основной)",
                    en = "Personal account (empty: your main one)") String account,
            @FormField(kk = "Анықтама тілі", ru = "Язык справки", en = "Language of the certificate") @OneOf(value = { "kk",
                    "ru", "en" }, labels = { "Қазақша|Казахский|Kazakh", "Орысша|Русский|Russian",
                            "Ағылшынша|Английский|English" }) String language,
            @FormField(kk = "Үзінді кезеңінің басы", ru = "Начало периода выписки", en = "Statement from",
                    input = FormField.Input.DATE) String from,
            @FormField(kk = "Үзінді кезеңінің соңы (қоса)", ru = "Конец периода выписки (включительно)",
                    en = "Statement to (inclusive)", input = FormField.Input.DATE) String to) {

        boolean closes() {
            return "close-account".equals(operation);
        }

        /** Documents staff produce and attach before completing (§7.2: ordering documents). */
        boolean staffProduced() {
            return "statement".equals(operation) || "contract-copy".equals(operation);
        }
    }

    /** How far back a statement may be ordered: the broker keeps account records for five years (§45). */
    static final int STATEMENT_YEARS = 5;

    private final Ledger ledger;
    private final Instructions instructions;
    private final Documents documents;

    @Activate
    public AccountSettingsService(@Reference Ledger ledger, @Reference Instructions instructions, @Reference Documents documents) {
        this.ledger = ledger;
        this.instructions = instructions;
        this.documents = documents;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        Account account = ledger.requestedAccount(request.account(), context.clientId());
        if (ledger.closedAt(account.id()).isPresent()) {
            throw conflict(LocalizedText.of("{account} шоты жабылған.", "Счёт {account} закрыт.", "Account {account} is closed.")
                    .format(Map.of("account", account.id())), "ACCOUNT_CLOSED");
        }
        Language language = context.documentLanguage("language", request.language());
        Request completed = new Request(request.operation(), account.id(), language.tag(), null, null);
        if ("statement".equals(request.operation())) {
            return statementDraft(request, account.id(), language, context);
        }
        if ("contract-copy".equals(request.operation())) {
            return new Draft<>("contract-copy", account.id(), completed, LocalizedText.of(
                    "Брокерлік қызмет көрсету шартының көшірмесі: " + account.id(),
                    "Копия договора на брокерское обслуживание: " + account.id(),
                    "Copy of the brokerage contract: " + account.id()));
        }
        if (request.closes()) {
            whyNotClosable(account.id(), context.clientId(), null).ifPresent(why -> {
                throw conflict(why, "ACCOUNT_NOT_CLOSABLE");
            });
            return new Draft<>("close-account", account.id(), completed, LocalizedText.of("Жеке шотты жабу: " + account.id(),
                    "Закрытие лицевого счёта " + account.id(), "Closing of personal account " + account.id()));
        }
        return new Draft<>(CERTIFICATE, account.id(), completed, LocalizedText.of("Шот туралы анықтама: " + account.id(),
                "Справка по лицевому счёту " + account.id(), "Certificate of personal account " + account.id()));
    }

    /** A statement of a past period: both days given, in order, before today, within the years records are kept. */
    private Draft<Request> statementDraft(Request request, String account, Language language, RequestContext context) {
        LocalDate from = day("from", Requests.required(request.from(), "from"));
        LocalDate to = day("to", Requests.required(request.to(), "to"));
        LocalDate today = Formats.day(context.now());
        if (to.isBefore(from)) {
            throw Requests.invalid("to", LocalizedText.of("Кезең соңы басынан бұрын.", "Конец периода раньше начала.",
                    "The end of the period is before its start."));
        }
        if (!to.isBefore(today)) {
            throw Requests.invalid("to", LocalizedText.of("Өткен кезең ғана: соңы бүгіннен бұрын болсын.",
                    "Только прошедший период: конец должен быть раньше сегодняшнего дня.",
                    "A past period only: its end must be before today."));
        }
        if (from.isBefore(today.minusYears(STATEMENT_YEARS))) {
            throw Requests.invalid("from", LocalizedText.of("Соңғы " + STATEMENT_YEARS + " жыл ішінде ғана.",
                    "Только за последние " + STATEMENT_YEARS + " лет.", "Within the last " + STATEMENT_YEARS + " years only."));
        }
        String period = from + " — " + to;
        return new Draft<>("statement", account, new Request(request.operation(), account, language.tag(), from.toString(),
                to.toString()), LocalizedText.of("Үзінді көшірме: " + account + ", " + period, "Выписка по счёту " + account
                        + " за " + period, "Statement of account " + account + " for " + period));
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw Requests.invalid(field, LocalizedText.of("Күн ЖЖЖЖ-АА-КК түрінде болсын.", "Дата в виде ГГГГ-ММ-ДД.",
                    "A date as YYYY-MM-DD."));
        }
    }

    /**
     * What keeps the account open (§29: the refusal says why): money or
     * securities on it (available, held or blocked), or the client's instructions
     * still under way (other than {@code except}, the closing itself).
     */
    private Optional<LocalizedText> whyNotClosable(String account, String clientId, String except) {
        List<String> left = new ArrayList<>();
        for (Balance balance : ledger.balances(account)) {
            if (balance.total().signum() != 0 || balance.held().signum() != 0 || balance.blocked().signum() != 0) {
                left.add(balance.asset() + " " + balance.total().add(balance.held()).add(balance.blocked()).stripTrailingZeros()
                        .toPlainString());
            }
        }
        if (!left.isEmpty()) {
            return Optional.of(LocalizedText.of("Шотта әлі бар: {left}. Алдымен оларды шығарыңыз немесе аударыңыз.",
                    "На счёте ещё есть: {left}. Сначала выведите или переведите их.",
                    "The account still holds: {left}. Withdraw or transfer them first.")
                    .format(Map.of("left", String.join(", ", left))));
        }
        List<String> open = instructions.ofClient(clientId, 500).stream()
                .filter(instruction -> !instruction.id().equals(except) && account.equals(instruction.account()))
                .filter(instruction -> instruction.status() == InstructionStatus.CONFIRMED
                        || instruction.status() == InstructionStatus.ACCEPTED || instruction.status() == InstructionStatus.IN_WORK)
                .map(Instruction::number).toList();
        if (!open.isEmpty()) {
            return Optional.of(LocalizedText.of("Орындалып жатқан өтініштер бар: {open}.",
                    "Есть поручения в работе: {open}.", "Instructions are still under way: {open}.")
                    .format(Map.of("open", String.join(", ", open))));
        }
        return Optional.empty();
    }

    /** Staff process it (§7.2): it waits in the back-office queue. */
    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        return Outcome.queued();
    }

    /**
     * Staff completing it: the account is closed on the ledger (refused to staff,
     * 409, if something came in meanwhile), or the certificate is issued — in the
     * completion's transaction.
     */
    @Override
    public Outcome completing(Confirmed<Request> confirmed, List<String> documentIds) {
        Request request = confirmed.request();
        Instruction instruction = confirmed.instruction();
        if (request.staffProduced()) {
            return Outcome.executed(attached(instruction, documentIds));
        }
        if (request.closes()) {
            Optional<LocalizedText> why = whyNotClosable(request.account(), instruction.clientId(), instruction.id());
            if (why.isPresent()) {
                throw conflict(why.get(), "ACCOUNT_NOT_CLOSABLE");
            }
            try {
                ledger.closeAccount(request.account(), confirmed.caller().identity());
            } catch (LedgerRefusal refused) {
                throw conflict(refused.text(), refused.reason().name());
            }
            return Outcome.executed(List.of());
        }
        Language language = Optional.ofNullable(Language.fromTag(request.language())).orElse(Language.RU);
        return Outcome.executed(List.of(documents.issue(certificate(instruction, request.account(), language),
                confirmed.caller()).id()));
    }

    /**
     * The documents staff attached to this instruction ({@code POST operator/queue/<id>/documents}):
     * completing without one, or naming a document of another instruction, is refused (409) — the client
     * ordered a document and must get it.
     */
    private List<String> attached(Instruction instruction, List<String> documentIds) {
        List<String> given = documentIds == null ? List.of() : documentIds;
        boolean ours = !given.isEmpty() && given.stream().allMatch(id -> documents.find(id)
                .filter(document -> instruction.id().equals(document.instructionId())).isPresent());
        if (!ours) {
            throw conflict(LocalizedText.of("Алдымен құжатты осы өтінішке тіркеңіз (operator/queue/{id}/documents).",
                    "Сначала приложите документ к этому поручению (operator/queue/{id}/documents).",
                    "Attach the document to this instruction first (operator/queue/{id}/documents).")
                    .format(Map.of("id", instruction.id())), "DOCUMENT_REQUIRED");
        }
        return List.of(); // already in the list the completion records
    }

    private DocumentSpec certificate(Instruction instruction, String account, Language language) {
        Words words = Words.of(language);
        Account opened = ledger.account(account).orElseThrow();
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field(words.account(), account));
        fields.add(new Block.Field(words.opened(), Formats.dateTime(opened.openedAt())));
        fields.add(new Block.Field(words.instruction(), instruction.number()));
        List<Block.Field> balances = new ArrayList<>();
        for (Balance balance : ledger.balances(account)) {
            int scale = ledger.asset(balance.asset()).map(asset -> asset.scale()).orElse(2);
            BigDecimal all = balance.total().add(balance.held()).add(balance.blocked());
            balances.add(new Block.Field(ledger.asset(balance.asset()).map(asset -> asset.nameIn(language)).orElse(balance.asset())
                    + " (" + balance.asset() + ")", Formats.amount(all, scale, language)));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(fields));
        blocks.add(new Block.Heading(words.balances()));
        blocks.add(balances.isEmpty() ? new Block.Paragraph(words.none()) : new Block.Fields(balances));
        blocks.add(new Block.Paragraph(words.text()));
        return new DocumentSpec(CERTIFICATE, instruction.clientId(), language, words.title(), List.copyOf(blocks), instruction.id());
    }

    private static ProblemException conflict(LocalizedText why, String reason) {
        return new ProblemException(409, CommonProblems.CONFLICT, why, Map.of("reason", reason), Map.of());
    }

    /** The certificate's words per language. */
    record Words(String title, String account, String opened, String instruction, String balances, String none, String text) {
        static Words of(Language language) {
            return switch (language) {
            case KK -> new Words("Жеке шот туралы анықтама", "Жеке шот", "Ашылған күні", "Клиент өтініші",
                    "Анықтама берілген сәттегі қалдықтар", "Шотта актив жоқ.",
                    "Анықтама клиенттің өтініші бойынша номиналды ұстау есебі жүйесінің деректері негізінде берілді.");
            case RU -> new Words("Справка по лицевому счёту", "Лицевой счёт", "Дата открытия", "Поручение клиента",
                    "Остатки на момент выдачи справки", "Активов на счёте нет.",
                    "Справка выдана по поручению клиента на основании данных системы учёта номинального держания.");
            case EN -> new Words("Certificate of the personal account", "Personal account", "Opened", "Client instruction",
                    "Balances when the certificate was issued", "No assets on the account.",
                    "Issued at the client's instruction from the records of the nominee-holding system.");
            };
        }
    }
}
