package kz.qyzmet.service.extract.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
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
 * The account extract (rules §7.1.1): the client asks for the state of their
 * personal account now or as of a time, confirms the instruction with the code
 * (§21, §25.2), and receives the PDF. While the service is disabled the
 * platform answers 503 with the operator's reason here, and the core refuses
 * to confirm its instructions.
 */
@Component(service = ExtractResource.class)
@ApiResource
@ElectronicService(id = ExtractHandler.SERVICE_ID, category = Category.INFORMATION,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Жеке шот бойынша үзінді көшірме", title_ru = "Выписка по лицевому счёту", title_en = "Account extract",
        description_kk = "Жеке шоттағы ақша мен бағалы қағаздардың қазіргі немесе таңдалған сәттегі жай-күйі, PDF.",
        description_ru = "Состояние денег и ценных бумаг на лицевом счёте сейчас или на выбранный момент, в PDF.",
        description_en = "Money and securities on the personal account now or as of a chosen time, as PDF.")
@Path("services/" + ExtractHandler.SERVICE_ID)
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {
    private final Instructions instructions;
    private final Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Activate
    public ExtractResource(@Reference Instructions instructions,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.instructions = instructions;
        this.clock = clock;
    }

    /**
     * @param account  the personal account; the client's own main account when absent
     * @param asOf     an ISO-8601 instant or a date (then: at the end of that day, Almaty time); now when absent
     * @param language kk, ru or en for the document; the session's language when absent
     */
    public record ExtractRequest(String account, String asOf, String language) {
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> request(ExtractRequest body) {
        Session session = Session.requireClient(request::getAttribute);
        ExtractRequest wanted = body == null ? new ExtractRequest(null, null, null) : body;
        String account = wanted.account() == null || wanted.account().isBlank() ? session.clientId() : wanted.account().trim();
        Language language = ServiceRequests.documentLanguage(wanted.language(), session);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("account", account);
        java.time.Instant asOf = Requests.pastMoment("asOf", wanted.asOf(), clock.instant(),
                kz.qyzmet.documents.api.Formats.BROKER_ZONE);
        parameters.put("asOf", asOf == null ? null : asOf.toString());
        parameters.put("language", language.tag());
        String when = parameters.get("asOf") == null ? null : kz.qyzmet.documents.api.Formats.dateTime(
                java.time.Instant.parse((String) parameters.get("asOf")));
        LocalizedText summary = when == null
                ? LocalizedText.of(account + " шоты бойынша ағымдағы үзінді көшірме", "Выписка по счёту " + account + " на текущий момент",
                        "Extract of account " + account + " as of now")
                : LocalizedText.of(account + " шоты бойынша " + when + " жағдайы бойынша үзінді көшірме",
                        "Выписка по счёту " + account + " на " + when, "Extract of account " + account + " as of " + when);
        return InstructionViews.view(instructions.submit(new NewInstruction(ExtractHandler.SERVICE_ID, ExtractHandler.KIND,
                account, parameters, summary), session, caller()), language(), clock.instant());
    }

    @GET
    @Path("requests/{id}")
    public Map<String, Object> one(@PathParam("id") String id) {
        Session session = Session.requireClient(request::getAttribute);
        return InstructionViews.view(instructions.ofClient(session.clientId(), id)
                .filter(instruction -> ExtractHandler.SERVICE_ID.equals(instruction.serviceId()))
                .orElseThrow(ExtractHandler::notFound), language(), clock.instant());
    }

    @POST
    @Path("requests/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> confirm(@PathParam("id") String id, ServiceRequests.Confirmation body) {
        return InstructionViews.view(ServiceRequests.confirm(instructions, id, body, Session.requireClient(request::getAttribute),
                caller()), language(), clock.instant());
    }

    private Language language() {
        return Language.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }
}
