package kz.qyzmet.servicekit.internal;

import kz.qyzmet.rest.api.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.Providers;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.ServiceRequests;
import kz.qyzmet.instructions.api.Submission;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The request endpoints every service on the kit shares (§25.2): a client
 * creates a request (the code to confirm it is sent at once), reads one, lists
 * their own, confirms with the code, cancels. Whether the caller may call them
 * at all is the service's declared assurance, checked for every path of the
 * service before any of this runs ({@code ServiceAccessGuard} in the registry).
 */
@Component(service = ServiceRequestsResource.class)
@ApiResource
@Path("services/{service}/requests")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRequestsResource {
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private final Instructions instructions;
    private final Clock clock;
    private final KitServices services;
    private final RequestEvents events = new RequestEvents();

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Context
    Providers providers;

    @Activate
    public ServiceRequestsResource(@Reference Instructions instructions,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, BundleContext context) {
        this.instructions = instructions;
        this.clock = clock;
        this.services = new KitServices(context, clock::instant);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHandler(ServiceHandler<?> handler, Map<String, Object> properties) {
        services.add(handler, properties);
    }

    void removeHandler(ServiceHandler<?> handler) {
        services.remove(handler);
    }

    @Deactivate
    void deactivate() {
        events.close();
        services.close();
    }

    /** Creates the request the body describes and sends the code to confirm it; the request and the challenge. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answer(status = 201, body = RequestView.Created.class, description = "the request, and where its code was sent")
    public Response create(@PathParam("service") String serviceId, InputStream body) throws IOException {
        KitService<?> service = service(serviceId);
        Session session = session();
        Record asked = read(service.requestType(), body);
        Submission submission = instructions.submit(service.draft(asked, KitRequestContext.of(session, caller(),
                language(), clock.instant())), session, caller());
        RequestView.Created view = new RequestView.Created(view(service, submission.instruction()),
                RequestView.Challenge.of(submission.challenge(), confirmPath(serviceId, submission.instruction().id())));
        // relative to the application's base: /api/v1/services/...
        return Response.created(java.net.URI.create("services/" + serviceId + "/requests/"
                + submission.instruction().id())).entity(view).build();
    }

    /** The client's own requests to this service, newest first. */
    @GET
    public RequestView.Requests mine(@PathParam("service") String serviceId, @QueryParam("limit") Integer limit) {
        KitService<?> service = service(serviceId);
        return new RequestView.Requests(instructions.ofClient(session().clientId(), serviceId, limit == null ? 50 : limit)
                .stream().map(instruction -> view(service, instruction)).toList());
    }

    @GET
    @Path("{id}")
    public RequestView one(@PathParam("service") String serviceId, @PathParam("id") String id) {
        KitService<?> service = service(serviceId);
        return view(service, own(serviceId, id));
    }

    /**
     * The request's view as server-sent events ({@code event: request}, the JSON
     * view as data) each time it changes — status, progress — until it is final.
     */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Answer(status = 200, mediaType = MediaType.SERVER_SENT_EVENTS, description = "the request's state and progress until it is final")
    public void events(@PathParam("service") String serviceId, @PathParam("id") String id, @Context SseEventSink sink,
            @Context Sse sse) {
        KitService<?> service = service(serviceId);
        String clientId = session().clientId();
        own(serviceId, id);
        // read now: the request's context is gone on the thread that pushes
        Language language = language();
        events.stream(sink, sse, () -> instructions.ofClient(clientId, id).map(found -> view(service, found, language))
                .orElseThrow(), view -> InstructionStatus.valueOf(view.status()).isFinal());
    }

    /** The code the client received for this request (§25.2): the service then carries it out. */
    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public RequestView confirm(@PathParam("service") String serviceId, @PathParam("id") String id,
            ServiceRequests.Confirmation body) {
        KitService<?> service = service(serviceId);
        own(serviceId, id);
        return view(service, ServiceRequests.confirm(instructions, id, body, session(), caller()));
    }

    /** A cancellation of a request not yet carried out; the client confirms it like any other. */
    @POST
    @Path("{id}/cancellation")
    public RequestView cancel(@PathParam("service") String serviceId, @PathParam("id") String id) {
        KitService<?> service = service(serviceId);
        own(serviceId, id);
        Instruction cancellation = instructions.cancel(id, session(), caller());
        return RequestView.of(cancellation, language(), clock.instant(), Map.of());
    }

    private Instruction own(String serviceId, String id) {
        return instructions.ofClient(session().clientId(), id).filter(found -> serviceId.equals(found.serviceId()))
                .orElseThrow(() -> new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of(
                        "Сұрау табылмады.", "Запрос не найден.", "No such request.")));
    }

    private RequestView view(KitService<?> service, Instruction instruction) {
        return view(service, instruction, language());
    }

    private RequestView view(KitService<?> service, Instruction instruction, Language language) {
        return RequestView.of(instruction, language, clock.instant(), service.progress(instruction));
    }

    /**
     * A manager's request on a client's behalf (§35.3, §40): the service's own check and completion ({@code draft},
     * with no session), then the instructions core records it as prepared and sends the code to the client, who
     * signs it in their own session. For {@link OperatorPreparedResource}.
     */
    Submission prepare(String serviceId, String clientId, Map<String, Object> asked, Caller manager) {
        KitService<?> service = service(serviceId);
        Record request;
        try {
            request = RequestRecords.request(asked, service.requestType());
        } catch (IllegalArgumentException unreadable) {
            // the same refusal a client's malformed request gets, naming the member
            throw Requests.invalid("request", LocalizedText.of("request өрісі қызметтің сұрау пішініне сай емес.",
                    "Поле request не соответствует форме запроса услуги.", "The request does not fit the service's request form."));
        }
        return instructions.prepare(service.draft(request, KitRequestContext.onBehalfOf(clientId, clock.instant())), clientId,
                manager);
    }

    RequestView.Created created(String serviceId, Submission submission, Language language) {
        KitService<?> service = service(serviceId);
        return new RequestView.Created(view(service, submission.instruction(), language),
                RequestView.Challenge.of(submission.challenge(), "/api/v1/instructions/" + submission.instruction().id() + "/confirm"));
    }

    private static String confirmPath(String serviceId, String id) {
        return "/api/v1/services/" + serviceId + "/requests/" + id + "/confirm";
    }

    private KitService<?> service(String serviceId) {
        return services.find(serviceId).orElseThrow(() -> new ProblemException(404, CommonProblems.NOT_FOUND,
                LocalizedText.of("«{service}» қызметі сұрау қабылдамайды.", "Сервис «{service}» не принимает запросов.",
                        "The service '{service}' takes no requests.").format(Map.of("service", serviceId))));
    }

    /**
     * The body bound to the service's request record by the platform's own JSON
     * reader: the same refusals (unknown or repeated field, wrong type, bad
     * characters) naming the field, as for every other endpoint. No body is a
     * request with every component absent.
     */
    private Record read(Class<? extends Record> type, InputStream body) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(body == null ? InputStream.nullInputStream() : body, 1);
        int first = stream.read();
        if (first < 0) {
            return RequestRecords.request(Map.of(), type);
        }
        stream.unread(first);
        return readAs(type, stream);
    }

    private <R extends Record> R readAs(Class<R> type, InputStream body) throws IOException {
        MessageBodyReader<R> reader = providers.getMessageBodyReader(type, type, NO_ANNOTATIONS,
                MediaType.APPLICATION_JSON_TYPE);
        R value = reader.readFrom(type, type, NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE,
                headers.getRequestHeaders(), body);
        return value != null ? value : RequestRecords.request(Map.of(), type);
    }

    private Language language() {
        return Language.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private Session session() {
        return Session.requireClient(request::getAttribute);
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }
}
