package kz.qyzmet.auth.internal;

import kz.qyzmet.rest.api.Answer;
import java.time.Instant;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import kz.qyzmet.auth.api.Role;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;

/**
 * Back office: identities (onboarding, §12, §14, §20), reinstatement after the
 * client's visit to the office (§31), suspected compromise (§44), early unlock
 * (§42), and the addresses blocked under §43.
 */
@Path("operator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorIdentitiesResource {
    private final Identities identities;

    @Context
    HttpServletRequest request;

    OperatorIdentitiesResource(Identities identities) {
        this.identities = identities;
    }

    public record NewIdentityRequest(String login, String email, String phone, String role, String clientId,
            String displayName, String language) {
    }

    public record VisitRequest(String office, String visitedAt, String documentType, String documentNumber) {
    }

    public record CompromiseRequest(String reason) {
    }

    public record AddressBlockView(String address, Instant blockedAt, Instant blockedUntil, int loginsTried) {
    }

    @POST
    @Path("identities")
    @Answer(status = 201, body = Identities.IdentityView.class)
    public Response create(NewIdentityRequest body) {
        Requests.required(body, "body");
        Role role;
        try {
            role = body.role() == null ? Role.CLIENT : Role.of(body.role());
        } catch (IllegalArgumentException e) {
            throw Requests.invalid("role", LocalizedText.of("Рөл: client, manager, operator немесе admin.",
                    "Роль: client, manager, operator или admin.", "Role: client, manager, operator or admin."));
        }
        Language language = body.language() == null ? null : Language.fromTag(body.language());
        Identities.IdentityView created = identities.createIdentity(new Identities.NewIdentity(body.login(), body.email(),
                body.phone(), role, body.clientId(), body.displayName(), language), caller());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("identities")
    public List<Identities.IdentityView> list(@QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        return identities.identities(Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    @GET
    @Path("identities/{id}")
    public Identities.IdentityView get(@PathParam("id") String id) {
        return identities.identityView(id);
    }

    /** §31: the client came to the office; the operator records the visit and services resume. */
    @POST
    @Path("identities/{id}/reinstatement")
    public Identities.IdentityView reinstate(@PathParam("id") String id, VisitRequest visit) {
        Requests.required(visit, "body");
        String office = Requests.required(visit.office(), "office");
        Instant visitedAt = Requests.instant("visitedAt", Requests.required(visit.visitedAt(), "visitedAt"));
        String documentType = Requests.required(visit.documentType(), "documentType");
        Requests.required(visit.documentNumber(), "documentNumber");
        return identities.reinstate(id, new Identities.OfficeVisit(office, visitedAt, documentType, visit.documentNumber()),
                caller());
    }

    /** §44: suspected compromise — password reset, every session ends. */
    @POST
    @Path("identities/{id}/compromise")
    @Answer(status = 204)
    public Response compromise(@PathParam("id") String id, CompromiseRequest body) {
        Requests.required(body, "body");
        identities.compromise(id, Requests.required(body.reason(), "reason"), caller());
        return Response.noContent().build();
    }

    /** §42 ends by itself after an hour; an operator who identified the client may end it earlier. */
    @POST
    @Path("identities/{id}/unlock")
    @Answer(status = 204)
    public Response unlock(@PathParam("id") String id) {
        identities.unlock(id, caller());
        return Response.noContent().build();
    }

    @GET
    @Path("address-blocks")
    public List<AddressBlockView> addressBlocks() {
        return identities.addressBlocks().stream().map(row -> new AddressBlockView(row.address,
                row.blockedAt.toInstant(java.time.ZoneOffset.UTC), row.blockedUntil.toInstant(java.time.ZoneOffset.UTC),
                row.loginsTried)).toList();
    }

    @DELETE
    @Path("address-blocks/{address}")
    @Answer(status = 204)
    public Response liftAddressBlock(@PathParam("address") String address) {
        if (!identities.liftAddressBlock(address, caller())) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Бұл мекенжай бұғатталмаған.",
                    "Этот адрес не заблокирован.", "This address is not blocked."));
        }
        return Response.noContent().build();
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }
}
