package kz.qyzmet.service.operationsreport.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.jobs.api.Jobs;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The operations report (rules §7.1.2) for a period the client chooses, as PDF,
 * CSV or JSON, on the service kit. The confirmed request becomes a platform job
 * ({@link ReportWorker}: any node may take it); the request stays in work until
 * the job stores the document, and its view shows the job's progress.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = "operations-report", category = Category.INFORMATION,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Операциялар туралы есеп", title_ru = "Отчёт об операциях", title_en = "Operations report",
        description_kk = "Таңдалған кезеңдегі барлық операциялар толық деректемелерімен; PDF, CSV немесе JSON.",
        description_ru = "Все операции за выбранный период со всеми реквизитами; PDF, CSV или JSON.",
        description_en = "Every operation of a chosen period with full details; PDF, CSV or JSON.")
public class OperationsReportService implements ServiceHandler<OperationsReportService.Request> {
    static final Set<String> FORMATS = Set.of("pdf", "csv", "json");

    /**
     * @param account  the personal account; the client's own when absent
     * @param from     first day (yyyy-MM-dd, Almaty) or instant
     * @param to       last day (inclusive) or instant (exclusive); not in the future
     * @param format   pdf (default), csv or json
     * @param language kk, ru or en; the session's when absent
     */
    public record Request(@FormField(kk = "Жеке шот (бос болса — негізгі)", ru = "Лицевой счёт (пусто — основной)",
            en = "Personal account (empty: your main one)") String account,
            @Required @FormField(kk = "Кезең басы", ru = "Начало периода", en = "From", input = FormField.Input.DATE) String from,
            @Required @FormField(kk = "Кезең соңы (қоса)", ru = "Конец периода (включительно)", en = "To (inclusive)",
                    input = FormField.Input.DATE) String to,
            @FormField(kk = "Пішімі", ru = "Формат", en = "Format") @OneOf(value = { "pdf", "csv", "json" },
                    labels = { "PDF|PDF|PDF", "CSV (Excel)|CSV (Excel)|CSV (Excel)", "JSON|JSON|JSON" }) String format,
            @FormField(kk = "Құжат тілі", ru = "Язык документа", en = "Document language") @OneOf(value = { "kk", "ru", "en" },
            labels = { "Қазақша|Казахский|Kazakh", "Орысша|Русский|Russian", "Ағылшынша|Английский|English" }) String language) {
    }

    private final Ledger ledger;
    private final Jobs jobs;

    @Activate
    public OperationsReportService(@Reference Ledger ledger, @Reference Jobs jobs) {
        this.ledger = ledger;
        this.jobs = jobs;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        String account = ledger.requestedAccount(request.account(), context.clientId()).id();
        Period period = Period.parse(request.from(), request.to(), context.now());
        String format = request.format() == null ? "pdf" : request.format().trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw Requests.invalid("format", LocalizedText.of("format: pdf, csv немесе json.", "format: pdf, csv или json.",
                    "format: pdf, csv or json."));
        }
        Language language = context.documentLanguage("language", request.language());
        String shown = Formats.dateTime(period.from()) + " — " + Formats.dateTime(period.to());
        LocalizedText summary = LocalizedText.of(account + " шоты бойынша операциялар туралы есеп, " + shown + ", " + format,
                "Отчёт об операциях по счёту " + account + ", " + shown + ", " + format,
                "Operations report of account " + account + ", " + shown + ", " + format);
        return new Draft<>(ReportWriter.KIND, account, new Request(account, period.from().toString(), period.to().toString(),
                format, language.tag()), summary);
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        // a platform job, queued in the confirmation's transaction; the instruction stays in work until it stores the document
        jobs.enqueue(ReportWorker.KIND, confirmed.instruction().id(),
                ReportWorker.parameters(confirmed.instruction(), confirmed.request()));
        return Outcome.working();
    }

    /** The job's progress: its status, operations written, percent of the period covered. */
    @Override
    public Map<String, Object> progress(Instruction instruction) {
        return jobs.find(ReportWorker.KIND, instruction.id()).map(job -> {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("status", job.status().name());
            progress.put("operations", job.count());
            progress.put("percent", job.percent());
            return progress;
        }).orElse(Map.<String, Object>of());
    }
}
