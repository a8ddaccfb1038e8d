package kz.qyzmet.service.operationsreport.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionViews;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.NewInstruction;
import kz.qyzmet.instructions.api.ServiceRequests;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.rest.api.Caller;
import kz.qyzmet.rest.api.CommonProblems;
import kz.qyzmet.rest.api.Language;
import kz.qyzmet.rest.api.LocalizedText;
import kz.qyzmet.rest.api.ProblemException;
import kz.qyzmet.rest.api.Requests;

/**
 * The operations report (rules §7.1.2) for a period the client chooses, as PDF,
 * CSV or JSON. After the confirmation (§25.2) the report is produced by a job;
 * the cabinet follows its progress here and downloads the document when done.
 */
@Component(service = OperationsReportResource.class)
@ApiResource
@ElectronicService(id = OperationsReportHandler.SERVICE_ID, category = Category.INFORMATION,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Операциялар туралы есеп", title_ru = "Отчёт об операциях", title_en = "Operations report",
        description_kk = "Таңдалған кезеңдегі барлық операциялар толық деректемелерімен; PDF, CSV немесе JSON.",
        description_ru = "Все операции за выбранный период со всеми реквизитами; PDF, CSV или JSON.",
        description_en = "Every operation of a chosen period with full details; PDF, CSV or JSON.")
@Path("services/" + OperationsReportHandler.SERVICE_ID)
@Produces(MediaType.APPLICATION_JSON)
public class OperationsReportResource {
    private final Instructions instructions;
    private final ReportJobs jobs;
    private final Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Activate
    public OperationsReportResource(@Reference Instructions instructions, @Reference ReportJobs jobs,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.instructions = instructions;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * @param account  the personal account; the client's own when absent
     * @param from     first day (yyyy-MM-dd, Almaty) or instant
     * @param to       last day (inclusive) or instant (exclusive); not in the future
     * @param format   pdf (default), csv or json
     * @param language kk, ru or en; the session's when absent
     */
    public record ReportRequest(String account, String from, String to, String format, String language) {
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> request(ReportRequest body) {
        Session session = Session.requireClient(request::getAttribute);
        Requests.required(body, "body");
        String account = body.account() == null || body.account().isBlank() ? session.clientId() : body.account().trim();
        Period period = Period.parse(body.from(), body.to(), clock.instant());
        String format = body.format() == null ? "pdf" : body.format().trim().toLowerCase(Locale.ROOT);
        if (!OperationsReportHandler.FORMATS.contains(format)) {
            throw Requests.invalid("format", LocalizedText.of("format: pdf, csv немесе json.", "format: pdf, csv или json.",
                    "format: pdf, csv or json."));
        }
        Language language = ServiceRequests.documentLanguage(body.language(), session);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("account", account);
        parameters.put("from", period.from().toString());
        parameters.put("to", period.to().toString());
        parameters.put("format", format);
        parameters.put("language", language.tag());
        String shown = Formats.dateTime(period.from()) + " — " + Formats.dateTime(period.to());
        LocalizedText summary = LocalizedText.of(account + " шоты бойынша операциялар туралы есеп, " + shown + ", " + format,
                "Отчёт об операциях по счёту " + account + ", " + shown + ", " + format,
                "Operations report of account " + account + ", " + shown + ", " + format);
        return InstructionViews.view(instructions.submit(new NewInstruction(OperationsReportHandler.SERVICE_ID,
                ReportWriter.KIND, account, parameters, summary), session, caller()), language(), clock.instant());
    }

    /** The instruction and the job's progress: status, operations written, percent of the period covered. */
    @GET
    @Path("requests/{id}")
    public Map<String, Object> one(@PathParam("id") String id) {
        Session session = Session.requireClient(request::getAttribute);
        Instruction instruction = instructions.ofClient(session.clientId(), id)
                .filter(found -> OperationsReportHandler.SERVICE_ID.equals(found.serviceId()))
                .orElseThrow(() -> new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Сұрау табылмады.",
                        "Запрос не найден.", "No such request.")));
        Map<String, Object> view = new LinkedHashMap<>(InstructionViews.view(instruction, language(), clock.instant()));
        jobs.ofInstruction(id).ifPresent(job -> {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("status", job.status);
            progress.put("operations", job.operations);
            progress.put("percent", job.progress);
            view.put("job", progress);
        });
        return view;
    }

    @POST
    @Path("requests/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> confirm(@PathParam("id") String id, ServiceRequests.Confirmation body) {
        ServiceRequests.confirm(instructions, id, body, Session.requireClient(request::getAttribute), caller());
        return one(id);
    }

    private Language language() {
        return Language.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }
}
