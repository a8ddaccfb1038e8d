package kz.qyzmet.instructions.internal;

import kz.qyzmet.rest.api.Answer;
import java.time.Clock;
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
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.auth.api.ConfirmationChallenge;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.ServiceRequests;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;

/**
 * The client's instructions in the cabinet: list, look, confirm with the code
 * (§25.2), cancel by a cancellation instruction. Services create instructions
 * under their own paths; the confirmation is the same for all.
 */
@Component(service = InstructionsResource.class)
@ApiResource
@Path("instructions")
@Produces(MediaType.APPLICATION_JSON)
public class InstructionsResource {
    private final Instructions instructions;
    private final Documents documents;
    private final Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Activate
    public InstructionsResource(@Reference Instructions instructions, @Reference Documents documents,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.instructions = instructions;
        this.documents = documents;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> mine(@QueryParam("limit") Integer limit) {
        Session session = session();
        return Map.of("instructions", instructions.ofClient(session.clientId(), limit == null ? 50 : limit).stream()
                .map(instruction -> view(instruction)).toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> one(@PathParam("id") String id) {
        Session session = session();
        return view(instructions.ofClient(session.clientId(), id).orElseThrow(InstructionService::notFound));
    }

    /** Sends the code bound to this instruction's digest. */
    @POST
    @Path("{id}/confirmation")
    public Map<String, Object> requestConfirmation(@PathParam("id") String id) {
        return challenge(instructions.requestConfirmation(id, session(), caller()));
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> confirm(@PathParam("id") String id, ServiceRequests.Confirmation body) {
        return view(ServiceRequests.confirm(instructions, id, body, session(), caller()));
    }

    /** The immutable "client instruction" form (§45.4) as PDF: issued at the first request, the same document after. */
    @GET
    @Path("{id}/form")
    @Produces("application/pdf")
    @Answer(status = 200, mediaType = "application/pdf", description = "the instruction's form, a PDF/A document")
    public Response form(@PathParam("id") String id) {
        String documentId = instructions.form(id, session(), caller());
        StoredDocument form = documents.find(documentId).orElseThrow(InstructionService::notFound);
        StreamingOutput body = out -> documents.copyContent(form.id(), out);
        return Response.ok(body, form.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + form.fileName() + "\"")
                .header("X-Content-SHA256", form.sha256()).header("Cache-Control", "private, no-store").build();
    }

    /** A cancellation instruction for this one; the client then confirms it like any other. */
    @POST
    @Path("{id}/cancellation")
    public Map<String, Object> cancel(@PathParam("id") String id) {
        return view(instructions.cancel(id, session(), caller()));
    }

    static Map<String, Object> challenge(ConfirmationChallenge challenge) {
        return Map.of("challengeId", challenge.id(), "digest", challenge.digest(), "channel", challenge.channel(),
                "expiresAt", challenge.expiresAt().toString());
    }

    private Map<String, Object> view(Instruction instruction) {
        return InstructionViews.view(instruction, language(), clock.instant());
    }

    private Language language() {
        return Language.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }

    private Session session() {
        return Session.requireClient(request::getAttribute);
    }
}
