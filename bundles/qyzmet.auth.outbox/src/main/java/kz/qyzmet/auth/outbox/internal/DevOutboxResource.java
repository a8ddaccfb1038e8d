package kz.qyzmet.auth.outbox.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * {@code GET /api/v1/dev/outbox}: the codes asked for in the caller's own
 * session (second factor, security session, confirmations), newest first, so a
 * developer or a demo visitor can log in without an SMS gateway. Nobody can read
 * a code by naming a phone or an identity, and codes asked for outside a session
 * (recovery, activation, login by phone) are never shown: a public demo (§4)
 * hands no one another person's account, staff included. Registered only in dev
 * and demo mode ({@link DevOutboxRegistration}).
 */
@Path("dev/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class DevOutboxResource {
    private final OutboxChannel outbox;

    @Context
    HttpServletRequest request;

    DevOutboxResource(OutboxChannel outbox) {
        this.outbox = outbox;
    }

    public record Messages(String session, List<Message> messages) {
    }

    /** One message as sent; its time an instant (the table keeps UTC without a zone). */
    public record Message(long id, String channel, String recipient, String purpose, String text, Instant createdAt) {
        static Message of(OutboxMessage row) {
            return new Message(row.id(), row.channel(), row.recipient(), row.purpose(), row.text(),
                    row.createdAt() == null ? null : row.createdAt().toInstant(ZoneOffset.UTC));
        }
    }

    @GET
    public Messages latest(@QueryParam("limit") @DefaultValue("10") int limit) {
        Session session = Session.from(request::getAttribute);
        if (session == null) {
            throw new ProblemException(401, CommonProblems.UNAUTHENTICATED, LocalizedText.of(
                    "Кодтарды көру үшін кіріңіз: сеанс өзі сұраған кодтарды ғана көреді.",
                    "Войдите, чтобы увидеть коды: сессия видит только коды, запрошенные ею самой.",
                    "Log in to see codes: a session sees only the codes it asked for itself."), Map.of(), Map.of());
        }
        return new Messages(session.id(), outbox.latestOfSession(session.id(), Math.max(1, Math.min(limit, 100))).stream()
                .map(Message::of).toList());
    }
}
