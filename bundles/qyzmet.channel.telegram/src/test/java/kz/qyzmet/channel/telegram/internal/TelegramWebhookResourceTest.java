package kz.qyzmet.channel.telegram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.common.api.ProblemException;

/** The webhook takes updates only from Telegram: the secret given to setWebhook, checked before the body is read. */
class TelegramWebhookResourceTest {
    private final List<JsonNode> handled = new CopyOnWriteArrayList<>();
    private final TelegramWebhookResource webhook = new TelegramWebhookResource(new TelegramBot(null, null) {
        @Override
        void update(JsonNode update) {
            handled.add(update);
        }
    }, "webhook-secret-1");

    private static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String UPDATE = "{\"update_id\":7,\"message\":{\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"/start K7QM4TXZ\"}}";

    @Test
    void anUpdateWithTheSecretIsHandled() throws Exception {
        assertTrue(webhook.update("webhook-secret-1", body(UPDATE)).ok());
        assertEquals(7, handled.get(0).get("update_id").asLong());
    }

    @Test
    void withoutTheSecretOrWithAnotherNothingIsHandled() {
        for (String presented : new String[] { null, "", "webhook-secret-2", "webhook-secret-1 " }) {
            ProblemException refused = assertThrows(ProblemException.class, () -> webhook.update(presented, body(UPDATE)));
            assertEquals(401, refused.status());
        }
        assertTrue(handled.isEmpty());
    }

    @Test
    void notAnUpdateIsRefusedWithTheReason() {
        assertEquals(400, assertThrows(ProblemException.class, () -> webhook.update("webhook-secret-1", body("[1,2]"))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> webhook.update("webhook-secret-1", body("{oops"))).status());
        byte[] huge = new byte[70 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertEquals(413, assertThrows(ProblemException.class,
                () -> webhook.update("webhook-secret-1", new ByteArrayInputStream(huge))).status());
        assertTrue(handled.isEmpty());
    }
}
