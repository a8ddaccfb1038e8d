package kz.qyzmet.channel.telegram.internal;

import kz.qyzmet.messaging.api.Message;
import kz.qyzmet.messaging.api.MessageChannel;

/** Messages to a linked chat: the recipient is the chat id the link recorded. */
final class TelegramChannel implements MessageChannel {
    private final BotApi bot;

    TelegramChannel(BotApi bot) {
        this.bot = bot;
    }

    @Override
    public void deliver(Message message) throws Exception {
        bot.sendMessage(message.recipient(), message.text());
    }
}
