package kz.qyzmet.channel.telegram.internal;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bot's side of a conversation: a text from a chat is a link code or
 * nothing; the answer goes back to the chat. Both the webhook (real bot) and
 * the simulated chats of dev and demo come through here.
 */
class TelegramBot {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    private final TelegramLinks links;
    private final BotApi api;

    TelegramBot(TelegramLinks links, BotApi api) {
        this.links = links;
        this.api = api;
    }

    /** A text from a chat: the bot's answer, sent to the chat as well. */
    TelegramLinks.Reply received(String chatId, String shownAs, String text) {
        TelegramLinks.Reply reply = links.received(chatId, shownAs, text);
        try {
            api.sendMessage(chatId, reply.inAll());
        } catch (IOException e) {
            // the link is made (or refused) whatever happens to the answer; the client sees it in the cabinet
            LOG.warn("the bot's answer did not reach the chat: {}", e.getMessage());
        }
        return reply;
    }

    /**
     * An update as the Bot API delivers it: handled once per {@code update_id};
     * anything but a private chat's text is ignored.
     */
    void update(JsonNode update) {
        long updateId = update.path("update_id").asLong(-1);
        JsonNode message = update.path("message");
        JsonNode chat = message.path("chat");
        if (updateId < 0 || !message.path("text").isTextual() || !"private".equals(chat.path("type").asText("private"))
                || !chat.path("id").canConvertToLong()) {
            return;
        }
        if (!links.firstDelivery(updateId)) {
            return;
        }
        String userName = message.path("from").path("username").asText(null);
        received(String.valueOf(chat.path("id").asLong()), userName == null ? null : "@" + userName,
                message.path("text").asText());
    }
}
