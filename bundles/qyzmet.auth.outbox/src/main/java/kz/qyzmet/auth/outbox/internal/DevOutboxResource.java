package kz.qyzmet.auth.outbox.internal;

import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import kz.qyzmet.rest.api.Requests;

/**
 * {@code GET /api/v1/dev/outbox?to=<phone, e-mail or identity id>}: the latest
 * messages to a recipient, newest first, so a developer or a demo can log in
 * without an SMS gateway. Registered only in dev and demo mode
 * ({@link DevOutboxRegistration}); in production the endpoint does not exist.
 */
@Path("dev/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class DevOutboxResource {
    private final OutboxChannel outbox;

    DevOutboxResource(OutboxChannel outbox) {
        this.outbox = outbox;
    }

    public record Messages(String to, List<OutboxMessage> messages) {
    }

    @GET
    public Messages latest(@QueryParam("to") String to, @QueryParam("limit") @DefaultValue("10") int limit) {
        String recipient = Requests.required(to, "to").strip();
        return new Messages(recipient, outbox.latest(recipient, Math.max(1, Math.min(limit, 100))));
    }
}
