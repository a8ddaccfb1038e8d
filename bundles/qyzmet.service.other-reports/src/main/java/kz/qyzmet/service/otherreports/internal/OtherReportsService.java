package kz.qyzmet.service.otherreports.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.clients.api.Client;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The reports of rules §7.1.3 on the service kit, from the ledger (balances as
 * of the chosen time, recomputed from the postings) and the client record: an
 * audit confirmation letter addressed to the client's auditor, an extract of
 * securities for the central depository, and the notice of account opening.
 * The client asks, confirms with the code (§25.2), and receives the PDF.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = "other-reports", category = Category.INFORMATION,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Басқа есептер", title_ru = "Прочие отчёты", title_en = "Other reports",
        description_kk = "Аудиторға растау хаты, депозитарий үшін үзінді көшірме, шот ашылғаны туралы хабарлама.",
        description_ru = "Письмо-подтверждение для аудитора, выписка для депозитария, уведомление об открытии счёта.",
        description_en = "Audit confirmation letter, extract for the depository, notice of account opening.")
public class OtherReportsService implements ServiceHandler<OtherReportsService.Request> {

    /**
     * @param report    audit-confirmation, depository-extract or account-opening-notice
     * @param account   the personal account; the client's own when absent
     * @param asOf      date (end of that day, Almaty) or instant; now when absent
     * @param addressee to whom the document goes (e.g. the auditor), optional, at most 200 characters
     * @param language  kk, ru or en; the session's when absent
     */
    public record Request(
            @Required @FormField(kk = "Құжат", ru = "Документ", en = "Document") @OneOf(value = { "audit-confirmation",
                    "depository-extract", "account-opening-notice" }, labels = {
                            "Аудиторға растау хаты|Письмо-подтверждение аудитору|Confirmation letter to the auditor",
                            "Орталық депозитарийге арналған үзінді|Выписка для центрального депозитария|Extract for the central depository",
                            "Жеке шот ашылғаны туралы хабарлама|Уведомление об открытии лицевого счёта|Notice of the account's opening" })
            String report,
            @FormField(kk = "Жеке шот (бос болса — негізгі)", ru = "Лицевой счёт (пусто — основной)",
            en = "Personal account (empty: your main one)") String account,
            @FormField(kk = "Қай күнге (бос болса — қазір)", ru = "На дату (пусто — сейчас)", en = "As of (empty: now)",
                    input = FormField.Input.DATE) String asOf,
            @MaxLength(200) @FormField(kk = "Кімге (мысалы, аудитор)", ru = "Кому (например, аудитору)",
                    en = "Addressee (e.g. the auditor)") String addressee,
            @FormField(kk = "Құжат тілі", ru = "Язык документа", en = "Document language") @OneOf(value = { "kk", "ru", "en" },
            labels = { "Қазақша|Казахский|Kazakh", "Орысша|Русский|Russian", "Ағылшынша|Английский|English" }) String language) {
    }

    /** The reports this service issues; the kind names the document's number series. */
    enum Report {
        AUDIT_CONFIRMATION("audit-confirmation"), DEPOSITORY_EXTRACT("depository-extract"),
        ACCOUNT_OPENING_NOTICE("account-opening-notice");

        final String kind;

        Report(String kind) {
            this.kind = kind;
        }

        static Optional<Report> of(String kind) {
            for (Report report : values()) {
                if (report.kind.equals(kind)) {
                    return Optional.of(report);
                }
            }
            return Optional.empty();
        }
    }

    private final Ledger ledger;
    private final Documents documents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClientRecords clients;

    @Activate
    public OtherReportsService(@Reference Ledger ledger, @Reference Documents documents) {
        this.ledger = ledger;
        this.documents = documents;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        Report report = Report.of(request.report().trim()).orElseThrow(() -> Requests.invalid("report", LocalizedText.of(
                "report: audit-confirmation, depository-extract немесе account-opening-notice.",
                "report: audit-confirmation, depository-extract или account-opening-notice.",
                "report: audit-confirmation, depository-extract or account-opening-notice.")));
        String account = ledger.requestedAccount(request.account(), context.clientId()).id();
        Language language = context.documentLanguage("language", request.language());
        Instant asOf = Requests.pastMoment("asOf", request.asOf(), context.now(), Formats.BROKER_ZONE);
        String when = asOf == null ? "" : ", " + Formats.dateTime(asOf);
        LocalizedText summary = switch (report) {
        case AUDIT_CONFIRMATION -> LocalizedText.of("Аудиторға растау хаты, " + account + when,
                "Письмо-подтверждение для аудитора, " + account + when, "Audit confirmation letter, " + account + when);
        case DEPOSITORY_EXTRACT -> LocalizedText.of("Депозитарий үшін үзінді көшірме, " + account + when,
                "Выписка для депозитария, " + account + when, "Depository extract, " + account + when);
        case ACCOUNT_OPENING_NOTICE -> LocalizedText.of("Шот ашылғаны туралы хабарлама, " + account,
                "Уведомление об открытии счёта, " + account, "Notice of account opening, " + account);
        };
        return new Draft<>(report.kind, account, new Request(report.kind, account, asOf == null ? null : asOf.toString(),
                request.addressee(), language.tag()), summary);
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        Instruction instruction = confirmed.instruction();
        Request request = confirmed.request();
        Caller caller = confirmed.caller();
        Report report = Report.of(request.report()).orElseThrow();
        Account account = ledger.clientAccount(instruction.account(), instruction.clientId()).orElseThrow();
        Language language = Optional.ofNullable(Language.fromTag(request.language())).orElse(Language.RU);
        Instant asOf = request.asOf() == null ? instruction.confirmedAt() : Instant.parse(request.asOf());
        String addressee = request.addressee();
        Words words = Words.of(language);
        String holder = Optional.ofNullable(clients).flatMap(records -> records.find(instruction.clientId()))
                .map(Client::data).map(data -> data.name() + (data.taxId() == null ? "" : " · " + words.taxId() + " " + data.taxId()))
                .orElse(account.name());
        List<Block> blocks = new ArrayList<>();
        List<Block.Field> fields = new ArrayList<>();
        if (addressee != null && !addressee.isBlank()) {
            fields.add(new Block.Field(words.to(), addressee));
        }
        fields.add(new Block.Field(words.holder(), holder));
        fields.add(new Block.Field(words.account(), account.id()));
        fields.add(new Block.Field(words.instruction(), instruction.number()));
        String title;
        switch (report) {
        case AUDIT_CONFIRMATION -> {
            title = words.auditTitle();
            fields.add(new Block.Field(words.asOf(), Formats.dateTime(asOf) + " (" + words.almaty() + ")"));
            blocks.add(new Block.Fields(fields));
            blocks.add(new Block.Paragraph(words.auditText().replace("{asOf}", Formats.dateTime(asOf))
                    .replace("{account}", account.id())));
            blocks.add(holdings(ledger.balancesAsOf(account.id(), asOf), false, words, language));
            blocks.add(new Block.Paragraph(words.auditClosing()));
        }
        case DEPOSITORY_EXTRACT -> {
            title = words.depositoryTitle();
            fields.add(new Block.Field(words.asOf(), Formats.dateTime(asOf) + " (" + words.almaty() + ")"));
            blocks.add(new Block.Fields(fields));
            blocks.add(new Block.Paragraph(words.depositoryText()));
            blocks.add(holdings(ledger.balancesAsOf(account.id(), asOf), true, words, language));
        }
        default -> {
            title = words.openingTitle();
            fields.add(new Block.Field(words.opened(), Formats.dateTime(account.openedAt()) + " (" + words.almaty() + ")"));
            blocks.add(new Block.Fields(fields));
            blocks.add(new Block.Paragraph(words.openingText().replace("{account}", account.id())
                    .replace("{opened}", Formats.date(Formats.day(account.openedAt())))));
        }
        }
        blocks.add(new Block.Paragraph(words.basis()));
        return Outcome.executed(List.of(documents.issue(new DocumentSpec(report.kind, instruction.clientId(), language, title,
                blocks, instruction.id()), caller).id()));
    }

    private Block holdings(List<Balance> balances, boolean securitiesOnly, Words words, Language language) {
        List<List<String>> rows = new ArrayList<>();
        balances.stream().sorted(Comparator.comparing(Balance::asset)).forEach(balance -> {
            Asset asset = ledger.asset(balance.asset()).orElse(new Asset(balance.asset(), AssetKind.CURRENCY, 2, balance.asset()));
            if (securitiesOnly && asset.kind() != AssetKind.SECURITY) {
                return;
            }
            rows.add(List.of(asset.code(), asset.nameIn(language), Formats.amount(balance.blocked(), asset.scale(), language),
                    Formats.amount(balance.total(), asset.scale(), language)));
        });
        if (rows.isEmpty()) {
            return new Block.Paragraph(words.none());
        }
        return Block.Table.of(List.of(new Block.Column(securitiesOnly ? "ISIN" : words.asset(), 2.5f, false),
                new Block.Column(words.name(), 4, false), new Block.Column(words.blocked(), 2.2f, true),
                new Block.Column(words.total(), 2.5f, true)), rows, null);
    }

    /** The words of the three reports, per language. */
    record Words(String to, String holder, String taxId, String account, String asOf, String almaty, String opened,
            String instruction, String asset, String name, String blocked, String total, String none, String auditTitle,
            String auditText, String auditClosing, String depositoryTitle, String depositoryText, String openingTitle,
            String openingText, String basis) {
        static Words of(Language language) {
            return switch (language) {
            case KK -> new Words("Кімге", "Шот иесі", "ЖСН/БСН", "Жеке шот", "Жағдайы бойынша", "Алматы уақыты", "Шот ашылған",
                    "Клиент өтініші", "Актив", "Атауы", "Оның ішінде бұғатталған", "Барлығы", "Активтер жоқ.",
                    "Аудиторға растау хаты",
                    "Номиналды ұстау есебі жүйесінің деректері бойынша {asOf} жағдайы бойынша {account} жеке шотында мына активтер есепке алынады:",
                    "Хат клиенттің өтініші бойынша оның аудиторы үшін берілді.",
                    "Номиналды ұстау есебі жүйесінен үзінді көшірме (орталық депозитарий үшін)",
                    "Бағалы қағаздар клиенттің жеке шотында брокердің номиналды ұстауында есепке алынады.",
                    "Жеке шот ашылғаны туралы хабарлама",
                    "Номиналды ұстау есебі жүйесінде {opened} күні {account} жеке шоты ашылғаны туралы хабарлаймыз.",
                    "Құжат номиналды ұстау есебі жүйесінің деректері бойынша жасалды (Ережелердің 7.1-тармағы).");
            case RU -> new Words("Кому", "Владелец счёта", "ИИН/БИН", "Лицевой счёт", "По состоянию на", "время Алматы",
                    "Счёт открыт", "Поручение клиента", "Актив", "Наименование", "В том числе заблокировано", "Всего",
                    "Активов нет.", "Письмо-подтверждение для аудитора",
                    "По данным системы учёта номинального держания по состоянию на {asOf} на лицевом счёте {account} учитываются следующие активы:",
                    "Письмо выдано по поручению клиента для его аудитора.",
                    "Выписка из системы учёта номинального держания (для центрального депозитария)",
                    "Ценные бумаги учитываются на лицевом счёте клиента в номинальном держании брокера.",
                    "Уведомление об открытии лицевого счёта",
                    "Уведомляем, что {opened} в системе учёта номинального держания открыт лицевой счёт {account}.",
                    "Документ сформирован по данным системы учёта номинального держания (п. 7.1 Правил).");
            case EN -> new Words("To", "Account holder", "IIN/BIN", "Personal account", "As of", "Almaty time", "Account opened",
                    "Client instruction", "Asset", "Name", "Of which blocked", "Total", "No assets.",
                    "Audit confirmation letter",
                    "According to the nominee-holding accounting system, as of {asOf} the personal account {account} holds the following assets:",
                    "This letter is issued at the client's instruction for the client's auditor.",
                    "Extract from the nominee-holding accounting system (for the central securities depository)",
                    "The securities are held on the client's personal account in the broker's nominee holding.",
                    "Notice of account opening",
                    "We notify that on {opened} the personal account {account} was opened in the nominee-holding accounting system.",
                    "Formed from the records of the nominee-holding accounting system (rules §7.1).");
            };
        }
    }
}
