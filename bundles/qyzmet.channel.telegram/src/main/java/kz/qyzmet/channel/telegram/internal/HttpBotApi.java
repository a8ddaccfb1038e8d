package kz.qyzmet.channel.telegram.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Telegram's Bot API over HTTPS ({@code POST <base>/bot<token>/sendMessage}). The
 * token is part of the address, so no error or log line here ever shows the address.
 */
final class HttpBotApi implements BotApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[0-9]+:[A-Za-z0-9_-]+");
    private final URI sendMessage;
    private final HttpClient http;

    HttpBotApi(String base, String token) {
        if (!TOKEN.matcher(token).matches()) {
            // said without the value: it is a secret
            throw new IllegalArgumentException("qyzmet.telegram.bot.token is not a Bot API token (digits, a colon, letters)");
        }
        this.sendMessage = URI.create((base.endsWith("/") ? base : base + "/") + "bot" + token + "/sendMessage");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void sendMessage(String chatId, String text) throws IOException {
        String body = JSON.createObjectNode().put("chat_id", chatId).put("text", text).toString();
        HttpRequest request = HttpRequest.newBuilder(sendMessage)
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to Telegram");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200 || !answer.path("ok").asBoolean(false)) {
            // Telegram explains in "description" (e.g. "Bad Request: chat not found"); the address stays out of it
            throw new IOException("Telegram refused sendMessage: HTTP " + response.statusCode() + " "
                    + answer.path("description").asText(""));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null ? "{}" : body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
