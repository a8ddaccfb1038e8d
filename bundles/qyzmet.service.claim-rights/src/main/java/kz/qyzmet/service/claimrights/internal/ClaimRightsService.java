package kz.qyzmet.service.claimrights.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.registry.api.Processing;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * Write-off or crediting of claim rights on an issuer's obligations on emissive
 * securities (issue #15, §7.2: processed by staff). The client names the
 * security and the quantity and confirms (§25.2); the instruction waits in the
 * back-office queue; staff take it and complete it, and completing posts the
 * claim-rights asset (a ledger asset of its own kind) to or from the account
 * against the claims register, and issues the notice the client downloads — all
 * in the transaction of the completion. A write-off of more than the account
 * holds is refused to staff with §30.1, who may then reject it with a reason.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = ClaimRightsService.ID, category = Category.PERSONAL_ACCOUNT,
        assurance = Assurance.OPERATION_CONFIRMATION, processing = Processing.STAFF, processing_days = 3,
        title_kk = "Талап ету құқықтары", title_ru = "Права требования", title_en = "Claim rights",
        description_kk = "Эмиссиялық бағалы қағаздар бойынша эмитент міндеттемелеріне талап ету құқықтарын есептен шығару немесе есепке алу.",
        description_ru = "Списание или зачисление прав требования по обязательствам эмитента по эмиссионным ценным бумагам.",
        description_en = "Write-off or crediting of claim rights on an issuer's obligations on emissive securities.")
public class ClaimRightsService implements ServiceHandler<ClaimRightsService.Request> {
    static final String ID = "claim-rights";
    /** The register of claims against issuers: the outside counterpart of every claim-rights posting. */
    static final String REGISTER = "EXT-CLAIMS";

    /**
     * @param operation credit or write-off
     * @param account   the personal account; the client's main one when absent
     * @param isin      the emissive security whose issuer's obligations the rights are on
     * @param quantity  how many, whole units of the security's scale
     * @param basis     what the rights rest on (the issuer's default notice, a court decision), optional
     * @param language  of the notice; the session's when absent
     */
    public record Request(
            @Required @FormField(kk = "Операция", ru = "Операция", en = "Operation") @OneOf(value = { "credit", "write-off" },
                    labels = { "Есепке алу|Зачисление|Crediting", "Есептен шығару|Списание|Write-off" }) String operation,
            @FormField(kk = "Жеке шот (бос болса — негізгі)", ru = "Лицевой счёт (пусто — основной)",
                    en = "Personal account (empty: your main one)") String account,
            @Required @MaxLength(12) @FormField(kk = "Бағалы қағаздың ISIN", ru = "ISIN ценной бумаги",
                    en = "ISIN of the security") String isin,
            @Required @FormField(kk = "Саны", ru = "Количество", en = "Quantity", input = FormField.Input.AMOUNT)
            BigDecimal quantity,
            @MaxLength(300) @FormField(kk = "Негіздеме", ru = "Основание", en = "Basis", input = FormField.Input.MULTILINE)
            String basis,
            @FormField(kk = "Хабарлама тілі", ru = "Язык уведомления", en = "Language of the notice") @OneOf(value = { "kk",
                    "ru", "en" }, labels = { "Қазақша|Казахский|Kazakh", "Орысша|Русский|Russian",
                            "Ағылшынша|Английский|English" }) String language) {

        boolean isCredit() {
            return "credit".equals(operation);
        }
    }

    private final Ledger ledger;
    private final Documents documents;

    @Activate
    public ClaimRightsService(@Reference Ledger ledger, @Reference Documents documents) {
        this.ledger = ledger;
        this.documents = documents;
        ledger.openAccount(REGISTER, AccountType.EXTERNAL, null, "Register of claims against issuers");
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        Account account = ledger.requestedAccount(request.account(), context.clientId());
        String isin = request.isin().strip().toUpperCase(Locale.ROOT);
        Asset security = ledger.asset(isin).filter(asset -> asset.kind() == AssetKind.SECURITY)
                .orElseThrow(() -> Requests.invalid("isin", LocalizedText.of("{isin} бағалы қағазы белгісіз.",
                        "Ценная бумага {isin} неизвестна.", "Unknown security {isin}.").format(Map.of("isin", isin))));
        BigDecimal quantity = security.positive("quantity", request.quantity());
        if (!request.isCredit() && ledger.asset(Asset.claimRightsOf(isin)).isEmpty()) {
            throw Requests.invalid("isin", LocalizedText.of("{isin} бойынша талап ету құқықтары жоқ.",
                    "Прав требования по {isin} нет.", "There are no claim rights on {isin}.").format(Map.of("isin", isin)));
        }
        Language language = context.documentLanguage("language", request.language());
        String basis = request.basis() == null || request.basis().isBlank() ? null : request.basis().strip();
        Request completed = new Request(request.operation(), account.id(), isin, quantity, basis, language.tag());
        String what = quantity.toPlainString() + " · " + isin + " (" + security.name() + ") · " + account.id();
        LocalizedText summary = request.isCredit()
                ? LocalizedText.of("Талап ету құқықтарын есепке алу: " + what, "Зачисление прав требования: " + what,
                        "Crediting of claim rights: " + what)
                : LocalizedText.of("Талап ету құқықтарын есептен шығару: " + what, "Списание прав требования: " + what,
                        "Write-off of claim rights: " + what);
        return new Draft<>(request.operation(), account.id(), completed, summary);
    }

    /** Staff process it (§7.2): it waits in the back-office queue. */
    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        return Outcome.queued();
    }

    /**
     * Staff completed it: the claim rights are posted and the notice issued, in the
     * completion's transaction. §30.1 when a write-off exceeds what the account
     * holds; nothing is posted then and the item stays with staff.
     */
    @Override
    public Outcome completing(Confirmed<Request> confirmed, List<String> documentIds) {
        Request request = confirmed.request();
        Instruction instruction = confirmed.instruction();
        Asset security = ledger.asset(request.isin()).orElseThrow();
        Asset rights = ledger.defineAsset(new Asset(Asset.claimRightsOf(request.isin()), AssetKind.CLAIM_RIGHT,
                security.scale(), "Claim rights: " + security.name()));
        BigDecimal quantity = request.quantity();
        Entry entry;
        try {
            entry = ledger.post(new EntryRequest("claim-rights:" + instruction.id(), request.isCredit() ? "CLAIM_RIGHTS_IN"
                    : "CLAIM_RIGHTS_OUT", (request.isCredit() ? "Claim rights credited: " : "Claim rights written off: ")
                            + request.isin() + " · " + instruction.number(), instruction.number(), confirmed.caller().identity(),
                    List.of(Posting.of(REGISTER, rights.code(), request.isCredit() ? quantity.negate() : quantity),
                            Posting.of(instruction.account(), rights.code(), request.isCredit() ? quantity : quantity.negate()))));
        } catch (LedgerRefusal refused) {
            throw new ProblemException(409, CommonProblems.CONFLICT, refused.text(), Map.of("reason", refused.reason().name()),
                    Map.of());
        }
        Language language = Optional.ofNullable(Language.fromTag(request.language())).orElse(Language.RU);
        Notice words = Notice.of(language);
        BigDecimal after = ledger.balances(instruction.account()).stream().filter(b -> b.asset().equals(rights.code()))
                .findFirst().map(b -> b.total()).orElse(BigDecimal.ZERO);
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field(words.account(), instruction.account()));
        fields.add(new Block.Field(words.instruction(), instruction.number()));
        fields.add(new Block.Field(words.operation(), request.isCredit() ? words.credit() : words.writeOff()));
        fields.add(new Block.Field(words.security(), request.isin() + " · " + security.nameIn(language)));
        fields.add(new Block.Field(words.quantity(), Formats.amount(quantity, security.scale(), language)));
        fields.add(new Block.Field(words.balance(), Formats.amount(after, security.scale(), language)));
        if (request.basis() != null) {
            fields.add(new Block.Field(words.basis(), request.basis()));
        }
        fields.add(new Block.Field(words.posted(), Formats.dateTime(entry.postedAt()) + " · " + words.entry() + " " + entry.id()));
        String document = documents.issue(new DocumentSpec("claim-rights-notice", instruction.clientId(), language,
                words.title(), List.of(new Block.Fields(fields), new Block.Paragraph(words.text())), instruction.id()),
                confirmed.caller()).id();
        return Outcome.executed(List.of(document));
    }

    /** The notice's words per language. */
    record Notice(String title, String account, String instruction, String operation, String credit, String writeOff,
            String security, String quantity, String balance, String basis, String posted, String entry, String text) {
        static Notice of(Language language) {
            return switch (language) {
            case KK -> new Notice("Талап ету құқықтары бойынша операция туралы хабарлама", "Жеке шот", "Клиент өтініші",
                    "Операция", "Есепке алу", "Есептен шығару", "Бағалы қағаз (эмитент міндеттемелері)", "Саны",
                    "Операциядан кейінгі қалдық", "Негіздеме", "Жүргізілді", "жазба",
                    "Талап ету құқықтары номиналды ұстау есебі жүйесінде клиенттің жеке шотында көрсетілді (Ережелердің 7.2-тармағы).");
            case RU -> new Notice("Уведомление об операции с правами требования", "Лицевой счёт", "Поручение клиента",
                    "Операция", "Зачисление", "Списание", "Ценная бумага (обязательства эмитента)", "Количество",
                    "Остаток после операции", "Основание", "Проведено", "запись",
                    "Права требования отражены на лицевом счёте клиента в системе учёта номинального держания (п. 7.2 Правил).");
            case EN -> new Notice("Notice of a claim-rights operation", "Personal account", "Client instruction", "Operation",
                    "Crediting", "Write-off", "Security (the issuer's obligations)", "Quantity", "Balance after the operation",
                    "Basis", "Posted", "entry",
                    "The claim rights are recorded on the client's personal account in the nominee-holding system (rules §7.2).");
            };
        }
    }
}
