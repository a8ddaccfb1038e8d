package kz.qyzmet.service.sourceoffunds.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Ledger;
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
 * Confirmation of the source of funds (issue #15). The client uploads evidence
 * files ({@code POST /api/v1/source-of-funds/evidence}), then states the source
 * (kind, amount, description) naming those files and confirms it with a code
 * bound to that content, the files' hashes included (§25.2). Staff review it in
 * the back-office queue (§7.2): completing approves it, rejecting refuses it with
 * the reason the client reads; either is recorded, once, in the client's
 * history (§16). Withdrawals above a configured amount need an approval.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = SourceOfFundsService.ID, category = Category.PERSONAL_ACCOUNT,
        assurance = Assurance.OPERATION_CONFIRMATION, processing = Processing.STAFF, processing_days = 3,
        title_kk = "Қаражат көзін растау", title_ru = "Подтверждение источника средств", title_en = "Source of funds",
        description_kk = "Қаражаттың қайдан алынғанын растайтын құжаттарды жүктеп, мәлімдеме беріңіз; ірі сомаларды шығару үшін қажет.",
        description_ru = "Заявите, откуда получены средства, и загрузите подтверждающие документы; нужно для вывода крупных сумм.",
        description_en = "State where your money came from and upload the documents that prove it; needed to withdraw large amounts.")
public class SourceOfFundsService implements ServiceHandler<SourceOfFundsService.Request> {
    static final String ID = "source-of-funds";

    /** The kinds of source, with their names as the client and staff read them. */
    static final Map<String, LocalizedText> KINDS = kinds();

    /**
     * @param kind        what the money came from
     * @param amount      how much of it the statement covers
     * @param currency    ISO 4217 code
     * @param description the source in the client's words (employer, property sold, …)
     * @param evidence    the ids of the uploaded evidence files, comma-separated
     */
    public record Request(
            @Required @FormField(kk = "Қаражат көзі", ru = "Источник средств", en = "Source of the funds") @OneOf(value = {
                    "salary", "business", "savings", "property-sale", "inheritance", "gift", "investment-income", "loan",
                    "other" }, labels = { "Жалақы|Заработная плата|Salary", "Кәсіпкерлік|Предпринимательство|Business",
                            "Жинақ|Сбережения|Savings", "Мүлікті сату|Продажа имущества|Sale of property",
                            "Мұра|Наследство|Inheritance", "Сыйлық|Дарение|Gift",
                            "Инвестициялық табыс|Инвестиционный доход|Investment income", "Қарыз|Заём|Loan",
                            "Басқа|Другое|Other" }) String kind,
            @Required @FormField(kk = "Сома", ru = "Сумма", en = "Amount", input = FormField.Input.AMOUNT) BigDecimal amount,
            @Required @MaxLength(3) @FormField(kk = "Валюта (мысалы, KZT)", ru = "Валюта (например, KZT)",
                    en = "Currency (e.g. KZT)") String currency,
            @Required @MaxLength(1000) @FormField(kk = "Сипаттама", ru = "Описание", en = "Description",
                    input = FormField.Input.MULTILINE) String description,
            @Required @MaxLength(400) @FormField(kk = "Растайтын файлдар", ru = "Подтверждающие файлы", en = "Evidence files",
                    input = FormField.Input.FILES, upload = "source-of-funds/evidence",
                    accept = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png") String evidence) {
    }

    private final Ledger ledger;
    private final SourceOfFundsRecords records;

    @Activate
    public SourceOfFundsService(@Reference Ledger ledger, @Reference SourceOfFundsRecords records) {
        this.ledger = ledger;
        this.records = records;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        String currency = request.currency().strip().toUpperCase(Locale.ROOT);
        Asset asset = ledger.asset(currency).filter(found -> found.kind() == AssetKind.CURRENCY)
                .orElseThrow(() -> Requests.invalid("currency", LocalizedText.of("{currency} валютасы белгісіз.",
                        "Валюта {currency} неизвестна.", "Unknown currency {currency}.").format(Map.of("currency", currency))));
        BigDecimal amount = asset.positive("amount", request.amount());
        String description = request.description().strip();
        if (description.isEmpty()) {
            throw Requests.invalid("description", LocalizedText.of("Қаражат көзін сипаттаңыз.", "Опишите источник средств.",
                    "Describe the source of the funds."));
        }
        List<EvidenceRow> files = evidence(request.evidence(), context.clientId());
        Request completed = new Request(request.kind(), amount, currency, description,
                String.join(",", files.stream().map(file -> file.id).toList()));
        return new Draft<>(ID, null, completed, summary(completed, files, asset.scale()));
    }

    /** The named files: each the client's own, not yet proving another statement, at most the configured number. */
    private List<EvidenceRow> evidence(String named, String clientId) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : named.split("[,\\s]+")) {
            if (!id.isBlank()) {
                ids.add(id.strip().toLowerCase(Locale.ROOT));
            }
        }
        int most = records.configuration().files_per_statement();
        if (ids.isEmpty() || ids.size() > most) {
            throw Requests.invalid("evidence", LocalizedText.of("1-ден {most}-ге дейін растайтын файл көрсетіңіз.",
                    "Укажите от 1 до {most} подтверждающих файлов.", "Name 1 to {most} evidence files.")
                    .format(Map.of("most", most)));
        }
        List<EvidenceRow> files = new ArrayList<>();
        for (String id : ids) {
            EvidenceRow file = records.evidence(id).filter(found -> found.clientId.equals(clientId))
                    .orElseThrow(() -> Requests.invalid("evidence", LocalizedText.of("{id} файлы табылмады: алдымен жүктеңіз.",
                            "Файл {id} не найден: сначала загрузите его.", "No file {id}: upload it first.")
                            .format(Map.of("id", id))));
            if (records.attachedTo(id).isPresent()) {
                throw Requests.invalid("evidence", LocalizedText.of("«{name}» файлы басқа мәлімдемеге тіркелген.",
                        "Файл «{name}» уже приложен к другому заявлению.", "The file \"{name}\" proves another statement already.")
                        .format(Map.of("name", file.fileName)));
            }
            files.add(file);
        }
        return files;
    }

    /** What the client confirms (§25.2): the source, the amount and each file with its SHA-256. */
    static LocalizedText summary(Request request, List<EvidenceRow> files, int scale) {
        LocalizedText kind = KINDS.get(request.kind());
        String list = String.join("; ", files.stream().map(file -> file.fileName + " (SHA-256 " + file.sha256 + ")").toList());
        java.util.function.Function<Language, String> money = language -> Formats.amount(request.amount(), scale, language)
                + " " + request.currency();
        return LocalizedText.of(
                "Қаражат көзі: " + kind.kk() + ", " + money.apply(Language.KK) + ". Файлдар: " + list,
                "Источник средств: " + kind.ru() + ", " + money.apply(Language.RU) + ". Файлы: " + list,
                "Source of funds: " + kind.en() + ", " + money.apply(Language.EN) + ". Files: " + list);
    }

    /** The statement and its files are recorded with the instruction's move to the queue (§45.1). */
    @Override
    public boolean executesInTransaction() {
        return true;
    }

    /** Staff review it (§7.2): it waits in the back-office queue. */
    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        records.submit(confirmed.instruction(), confirmed.request(), List.of(confirmed.request().evidence().split(",")),
                confirmed.caller());
        return Outcome.queued();
    }

    /** Staff completing it approve it; the approval counts from now for the configured days. */
    @Override
    public Outcome completing(Confirmed<Request> confirmed, List<String> documentIds) {
        records.decide(confirmed.instruction().id(), SourceOfFundsRecords.Outcome.APPROVED, null, confirmed.caller());
        return Outcome.executed(List.of());
    }

    /** Staff rejected it with their reason, or the client cancelled it before review. */
    @Override
    public void ending(Confirmed<Request> confirmed, InstructionStatus to, LocalizedText reason) {
        records.decide(confirmed.instruction().id(), to == InstructionStatus.CANCELLED ? SourceOfFundsRecords.Outcome.CANCELLED
                : SourceOfFundsRecords.Outcome.REJECTED, reason, confirmed.caller());
    }

    @Override
    public Map<String, Object> progress(Instruction instruction) {
        return records.statement(instruction.id()).<Map<String, Object>>map(row -> {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("decision", row.outcome == null ? "PENDING" : row.outcome);
            if (row.validUntil != null) {
                progress.put("validUntil", row.validUntil.toInstant(java.time.ZoneOffset.UTC).toString());
            }
            return progress;
        }).orElse(Map.of());
    }

    private static Map<String, LocalizedText> kinds() {
        Map<String, LocalizedText> kinds = new LinkedHashMap<>();
        kinds.put("salary", LocalizedText.of("жалақы", "заработная плата", "salary"));
        kinds.put("business", LocalizedText.of("кәсіпкерлік қызмет", "предпринимательская деятельность", "business"));
        kinds.put("savings", LocalizedText.of("жинақ", "сбережения", "savings"));
        kinds.put("property-sale", LocalizedText.of("мүлікті сату", "продажа имущества", "sale of property"));
        kinds.put("inheritance", LocalizedText.of("мұра", "наследство", "inheritance"));
        kinds.put("gift", LocalizedText.of("сыйлық", "дарение", "gift"));
        kinds.put("investment-income", LocalizedText.of("инвестициялық табыс", "инвестиционный доход", "investment income"));
        kinds.put("loan", LocalizedText.of("қарыз", "заём", "loan"));
        kinds.put("other", LocalizedText.of("басқа", "другое", "other"));
        return Map.copyOf(kinds);
    }
}
