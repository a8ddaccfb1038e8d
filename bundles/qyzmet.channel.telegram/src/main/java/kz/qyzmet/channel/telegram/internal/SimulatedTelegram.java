package kz.qyzmet.channel.telegram.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telegram as dev and demo mode simulate it: chats a session opens with the
 * bot, what the user wrote and what the bot sent. Only the session that opened
 * a chat sees it, so a public demo (§4) hands no one another visitor's codes.
 * Kept in memory, as Telegram's side of the conversation would be.
 */
final class SimulatedTelegram implements BotApi {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MESSAGES_KEPT = 200;

    record ChatMessage(String from, String text, Instant at) {
    }

    private record Chat(String sessionId, String userName, List<ChatMessage> messages) {
    }

    private final Map<String, Chat> chats = new ConcurrentHashMap<>();
    private final Clock clock;

    SimulatedTelegram(Clock clock) {
        this.clock = clock;
    }

    /** A new chat of the session's visitor with the bot: its id. */
    String openChat(String sessionId, String userName) {
        String id = String.valueOf(1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 8_000_000_000L);
        chats.put(id, new Chat(sessionId, userName, new ArrayList<>()));
        return id;
    }

    boolean ownedBy(String chatId, String sessionId) {
        Chat chat = chats.get(chatId);
        return chat != null && chat.sessionId().equals(sessionId);
    }

    String userName(String chatId) {
        return chats.get(chatId).userName();
    }

    void userWrote(String chatId, String text) {
        add(chatId, new ChatMessage("user", text, clock.instant()));
    }

    List<ChatMessage> messages(String chatId) {
        Chat chat = chats.get(chatId);
        if (chat == null) {
            return List.of();
        }
        synchronized (chat) {
            return List.copyOf(chat.messages());
        }
    }

    @Override
    public void sendMessage(String chatId, String text) throws IOException {
        if (!chats.containsKey(chatId)) {
            throw new IOException("Telegram refused sendMessage: HTTP 400 Bad Request: chat not found");
        }
        add(chatId, new ChatMessage("bot", text, clock.instant()));
    }

    private void add(String chatId, ChatMessage message) {
        Chat chat = chats.get(chatId);
        if (chat == null) {
            return;
        }
        synchronized (chat) {
            chat.messages().add(message);
            if (chat.messages().size() > MESSAGES_KEPT) {
                chat.messages().remove(0);
            }
        }
    }
}
