package kz.qyzmet.channel.telegram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The Bot API client against a local server that answers as Telegram does. */
class HttpBotApiTest {
    private static final String TOKEN = "123456:secret-token_A";
    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true,\"result\":{\"message_id\":1}}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            bodies.add(new ObjectMapper().readTree(exchange.getRequestBody()));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpBotApi api() {
        return new HttpBotApi("http://127.0.0.1:" + server.getAddress().getPort(), TOKEN);
    }

    @Test
    void sendMessagePostsTheChatAndTheTextAsJson() throws Exception {
        api().sendMessage("4242", "123456 — код подтверждения");
        assertEquals(List.of("/bot" + TOKEN + "/sendMessage"), paths);
        assertEquals("4242", bodies.get(0).get("chat_id").asText());
        assertEquals("123456 — код подтверждения", bodies.get(0).get("text").asText());
    }

    @Test
    void aRefusalIsAnErrorWithTelegramsReasonAndNeverTheToken() {
        status = 400;
        answer = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}";
        IOException refused = assertThrows(IOException.class, () -> api().sendMessage("1", "x"));
        assertTrue(refused.getMessage().contains("chat not found"), refused.getMessage());
        assertFalse(refused.getMessage().contains("secret-token"));
    }

    @Test
    void anOkStatusWithoutOkIsNotDelivered() {
        answer = "<html>proxy error</html>";
        assertThrows(IOException.class, () -> api().sendMessage("1", "x"));
    }
}
