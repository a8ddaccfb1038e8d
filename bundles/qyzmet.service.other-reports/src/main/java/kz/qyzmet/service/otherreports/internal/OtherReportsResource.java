package kz.qyzmet.service.otherreports.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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
import kz.qyzmet.instructions.api.InstructionViews;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.NewInstruction;
import kz.qyzmet.instructions.api.ServiceRequests;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.rest.api.Caller;
import kz.qyzmet.rest.api.Language;
import kz.qyzmet.rest.api.LocalizedText;
import kz.qyzmet.rest.api.Requests;

/**
 * Reports for holders, the central depository, issuers and the regulator (rules
 * §7.1.3): the client asks, confirms with the code (§25.2), and receives the PDF.
 */
@Component(service = OtherReportsResource.class)
@ApiResource
@ElectronicService(id = OtherReportsHandler.SERVICE_ID, category = Category.INFORMATION,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Басқа есептер", title_ru = "Прочие отчёты", title_en = "Other reports",
        description_kk = "Аудиторға растау хаты, депозитарий үшін үзінді көшірме, шот ашылғаны туралы хабарлама.",
        description_ru = "Письмо-подтверждение для аудитора, выписка для депозитария, уведомление об открытии счёта.",
        description_en = "Audit confirmation letter, extract for the depository, notice of account opening.")
@Path("services/" + OtherReportsHandler.SERVICE_ID)
@Produces(MediaType.APPLICATION_JSON)
public class OtherReportsResource {
    private final Instructions instructions;
    private final Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Activate
    public OtherReportsResource(@Reference Instructions instructions,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.instructions = instructions;
        this.clock = clock;
    }

    /**
     * @param report    audit-confirmation, depository-extract or account-opening-notice
     * @param account   the personal account; the client's own when absent
     * @param asOf      date (end of that day, Almaty) or instant; now when absent
     * @param addressee to whom the document goes (e.g. the auditor), optional, at most 200 characters
     * @param language  kk, ru or en; the session's when absent
     */
    public record ReportRequest(String report, String account, String asOf, String addressee, String language) {
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> request(ReportRequest body) {
        Session session = Session.requireClient(request::getAttribute);
        Requests.required(body, "body");
        OtherReportsHandler.Report report = OtherReportsHandler.Report.of(Requests.required(body.report(), "report"))
                .orElseThrow(() -> Requests.invalid("report", LocalizedText.of(
                        "report: audit-confirmation, depository-extract немесе account-opening-notice.",
                        "report: audit-confirmation, depository-extract или account-opening-notice.",
                        "report: audit-confirmation, depository-extract or account-opening-notice.")));
        String account = body.account() == null || body.account().isBlank() ? session.clientId() : body.account().trim();
        if (body.addressee() != null && body.addressee().length() > 200) {
            throw Requests.invalid("addressee", LocalizedText.of("addressee 200 таңбадан аспауы керек.",
                    "addressee — не более 200 символов.", "addressee: at most 200 characters."));
        }
        Language language = ServiceRequests.documentLanguage(body.language(), session);
        Instant asOf = Requests.pastMoment("asOf", body.asOf(), clock.instant(), Formats.BROKER_ZONE);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("account", account);
        parameters.put("asOf", asOf == null ? null : asOf.toString());
        parameters.put("addressee", body.addressee());
        parameters.put("language", language.tag());
        String when = asOf == null ? "" : ", " + Formats.dateTime(asOf);
        LocalizedText summary = switch (report) {
        case AUDIT_CONFIRMATION -> LocalizedText.of("Аудиторға растау хаты, " + account + when,
                "Письмо-подтверждение для аудитора, " + account + when, "Audit confirmation letter, " + account + when);
        case DEPOSITORY_EXTRACT -> LocalizedText.of("Депозитарий үшін үзінді көшірме, " + account + when,
                "Выписка для депозитария, " + account + when, "Depository extract, " + account + when);
        case ACCOUNT_OPENING_NOTICE -> LocalizedText.of("Шот ашылғаны туралы хабарлама, " + account,
                "Уведомление об открытии счёта, " + account, "Notice of account opening, " + account);
        };
        return InstructionViews.view(instructions.submit(new NewInstruction(OtherReportsHandler.SERVICE_ID, report.kind,
                account, parameters, summary), session, Caller.from(request::getAttribute)), language(), clock.instant());
    }

    @POST
    @Path("requests/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> confirm(@PathParam("id") String id, ServiceRequests.Confirmation body) {
        return InstructionViews.view(ServiceRequests.confirm(instructions, id, body, Session.requireClient(request::getAttribute),
                Caller.from(request::getAttribute)), language(), clock.instant());
    }

    private Language language() {
        return Language.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
