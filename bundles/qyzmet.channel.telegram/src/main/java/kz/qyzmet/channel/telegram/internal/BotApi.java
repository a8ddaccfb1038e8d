package kz.qyzmet.channel.telegram.internal;

import java.io.IOException;

/** What the platform asks of Telegram's Bot API: the real one over HTTPS, or the simulated bot of dev and demo. */
interface BotApi {
    /** {@code sendMessage}: the text to the chat; throws when Telegram did not take it. */
    void sendMessage(String chatId, String text) throws IOException;
}
