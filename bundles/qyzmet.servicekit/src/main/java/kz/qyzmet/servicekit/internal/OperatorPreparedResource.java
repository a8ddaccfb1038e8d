package kz.qyzmet.servicekit.internal;

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

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.rest.api.Answer;
import kz.qyzmet.rest.api.ApiResource;

/**
 * Staff prepare a kit service's request at a client's request (rules §35.3,
 * §40), with the same record, checks and completion the client's own request
 * gets: {@code {"clientId": "...", "request": {...}}}. The instruction waits for
 * the client's code, sent to the client's registered phone.
 */
@Component(service = OperatorPreparedResource.class)
@ApiResource
@Path("operator/services/{service}/prepared")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorPreparedResource {
    private final ServiceRequestsResource requests;

    @Context
    HttpServletRequest request;
    @Context
    HttpHeaders headers;

    @Activate
    public OperatorPreparedResource(@Reference ServiceRequestsResource requests) {
        this.requests = requests;
    }

    /** What a manager sends: the client, and the service's request as the client would send it. */
    public record PreparedRequest(String clientId, Map<String, Object> request) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answer(status = 200, body = RequestView.Created.class, description = "the prepared request, waiting for the client's code")
    public RequestView.Created prepare(@PathParam("service") String serviceId, PreparedRequest body) {
        Requests.required(body, "body");
        String clientId = Requests.required(body.clientId(), "clientId");
        Language language = Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return requests.created(serviceId, requests.prepare(serviceId, clientId, body.request() == null ? Map.of()
                : body.request(), Caller.from(request::getAttribute)), language);
    }
}
