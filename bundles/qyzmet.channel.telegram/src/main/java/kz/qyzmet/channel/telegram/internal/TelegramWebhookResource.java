package kz.qyzmet.channel.telegram.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;

/**
 * {@code POST /api/v1/channels/telegram/updates}: the bot's webhook. Telegram
 * calls it with the secret given to {@code setWebhook} in
 * {@value #SECRET_HEADER}; a call without it is refused before the body is read.
 * Answered 200 once handled (a refused code included), so Telegram does not
 * deliver it again. Registered only for a real bot with a webhook secret.
 */
@Path("channels/telegram/updates")
@Produces(MediaType.APPLICATION_JSON)
public class TelegramWebhookResource {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final int MAX_UPDATE_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TelegramBot bot;
    private final byte[] secret;

    TelegramWebhookResource(TelegramBot bot, String secret) {
        this.bot = bot;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public record Handled(boolean ok) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Handled update(@HeaderParam(SECRET_HEADER) String presented, InputStream body) throws IOException {
        if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, CommonProblems.UNAUTHENTICATED, LocalizedText.of(
                    "Telegram webhook құпиясы жоқ немесе қате.", "Секрет вебхука Telegram отсутствует или неверен.",
                    "The Telegram webhook secret is missing or wrong."));
        }
        byte[] bytes = body.readNBytes(MAX_UPDATE_BYTES + 1);
        if (bytes.length > MAX_UPDATE_BYTES) {
            throw new ProblemException(413, CommonProblems.PAYLOAD_TOO_LARGE, LocalizedText.of("Жаңарту тым үлкен.",
                    "Обновление слишком большое.", "The update is too large."), Map.of(), Map.of());
        }
        JsonNode update;
        try {
            update = JSON.readTree(bytes);
        } catch (IOException notJson) {
            throw Requests.invalid("update", LocalizedText.of("JSON емес.", "Не JSON.", "Not JSON."));
        }
        if (update == null || !update.isObject()) {
            throw Requests.invalid("update", LocalizedText.of("JSON объект күтілді.", "Ожидался объект JSON.",
                    "A JSON object was expected."));
        }
        bot.update(update);
        return new Handled(true);
    }

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }
}
