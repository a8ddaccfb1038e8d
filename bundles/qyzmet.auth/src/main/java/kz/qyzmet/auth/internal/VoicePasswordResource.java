package kz.qyzmet.auth.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import kz.qyzmet.auth.api.VoicePasswords;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.rest.api.Answer;

/**
 * Staff check a client's voice password while the client is on the phone
 * (issue #16): {@code POST /api/v1/operator/voice-password/check}
 * {@code {"clientId": "...", "phrase": "what the client said"}} answers match or
 * no match; a few checks per client and hour, each journalled.
 */
@Path("operator/voice-password")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoicePasswordResource {
    private final VoicePasswords voice;

    @Context
    HttpServletRequest request;

    VoicePasswordResource(VoicePasswords voice) {
        this.voice = voice;
    }

    public record CheckRequest(String clientId, String phrase) {
    }

    /** The answer, with its words for the operator's screen. */
    public record CheckAnswer(String clientId, boolean match, String text) {
    }

    private static final LocalizedText MATCH = LocalizedText.of("Сәйкес келеді", "Совпадает", "Match");
    private static final LocalizedText NO_MATCH = LocalizedText.of("Сәйкес келмейді", "Не совпадает", "No match");

    @POST
    @Path("check")
    @Answer(status = 200, body = CheckAnswer.class)
    @Answer(status = 429, description = "checked too often in the last hour")
    public CheckAnswer check(CheckRequest body) {
        Requests.required(body, "body");
        String clientId = Requests.required(body.clientId(), "clientId");
        boolean match = voice.check(clientId, Requests.required(body.phrase(), "phrase"), Caller.from(request::getAttribute));
        Language language;
        try {
            language = Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
        } catch (RuntimeException e) {
            language = Language.DEFAULT;
        }
        return new CheckAnswer(clientId, match, (match ? MATCH : NO_MATCH).in(language));
    }
}
