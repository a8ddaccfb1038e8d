package kz.qyzmet.auth.internal;

import java.time.Instant;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import kz.qyzmet.auth.api.ContactChanges;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.rest.api.Answer;

/**
 * A client proves a new phone or e-mail before naming it in a change of
 * personal data (issue #16, §7.2): {@code POST /api/v1/auth/contact-proofs}
 * {@code {"channel":"sms","recipient":"+77011234567"}} sends a code there, and
 * {@code POST /api/v1/auth/contact-proofs/verification} with the code proves it.
 */
@Path("auth/contact-proofs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactProofsResource {
    private final ContactChanges contacts;

    @Context
    HttpServletRequest request;

    ContactProofsResource(ContactChanges contacts) {
        this.contacts = contacts;
    }

    public record ProofRequest(String channel, String recipient) {
    }

    public record ProofCode(String channel, String recipient, String code) {
    }

    public record ProofSent(String channel, String recipient, Instant expiresAt) {
    }

    @POST
    @Answer(status = 202, body = ProofSent.class, description = "the code is on its way to the new phone or e-mail")
    public Response send(ProofRequest body) {
        Requests.required(body, "body");
        Session session = Session.requireClient(request::getAttribute);
        String channel = Requests.required(body.channel(), "channel");
        Instant expires = contacts.sendProof(session, channel, Requests.required(body.recipient(), "recipient"),
                Caller.from(request::getAttribute));
        return Response.accepted(new ProofSent(channel, contacts.normalise(channel, body.recipient()).orElseThrow(), expires))
                .build();
    }

    @POST
    @Path("verification")
    @Answer(status = 204, description = "proven: the change of personal data may name it now")
    public Response verify(ProofCode body) {
        Requests.required(body, "body");
        Session session = Session.requireClient(request::getAttribute);
        contacts.prove(session, Requests.required(body.channel(), "channel"), Requests.required(body.recipient(), "recipient"),
                Requests.required(body.code(), "code"), Caller.from(request::getAttribute));
        return Response.noContent().build();
    }
}
