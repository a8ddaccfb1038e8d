package kz.qyzmet.channel.telegram.internal;

import java.time.Instant;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionProblems;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;

/**
 * {@code /api/v1/dev/telegram/chats}: the simulated Telegram of dev and demo
 * mode. A signed-in visitor opens a chat with the bot, writes to it (the link
 * code, say) and reads what the bot sent (its answers, then the codes). Chats
 * are the session's own. Not registered in production.
 */
@Path("dev/telegram/chats")
@Produces(MediaType.APPLICATION_JSON)
public class DevTelegramResource {
    private final SimulatedTelegram telegram;
    private final TelegramBot bot;
    private final String botName;

    @Context
    HttpServletRequest request;

    DevTelegramResource(SimulatedTelegram telegram, TelegramBot bot, String botName) {
        this.telegram = telegram;
        this.bot = bot;
        this.botName = botName;
    }

    public record Chat(String chatId, String bot) {
    }

    public record Written(String text) {
    }

    public record ChatMessage(String from, String text, Instant at) {
    }

    public record Conversation(String chatId, String bot, List<ChatMessage> messages) {
    }

    /** Opens a chat with the bot as the signed-in visitor. */
    @POST
    public Chat open() {
        Session session = session();
        return new Chat(telegram.openChat(session.id(), "@" + session.login().replaceAll("[^A-Za-z0-9_]", "_")), "@" + botName);
    }

    /** Writes to the bot in that chat: the conversation after its answer. */
    @POST
    @Path("{chat}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Conversation write(@PathParam("chat") String chatId, Written written) {
        String owned = owned(chatId);
        String text = Requests.required(written == null ? null : written.text(), "text");
        if (text.length() > 4096) { // Telegram's own limit for a message
            throw Requests.invalid("text", LocalizedText.of("Хабар тым ұзын.", "Сообщение слишком длинное.", "The message is too long."));
        }
        telegram.userWrote(owned, text);
        bot.received(owned, telegram.userName(owned), text);
        return conversation(owned);
    }

    @GET
    @Path("{chat}/messages")
    public Conversation read(@PathParam("chat") String chatId) {
        return conversation(owned(chatId));
    }

    private Conversation conversation(String chatId) {
        return new Conversation(chatId, "@" + botName, telegram.messages(chatId).stream()
                .map(message -> new ChatMessage(message.from(), message.text(), message.at())).toList());
    }

    private String owned(String chatId) {
        if (chatId == null || !telegram.ownedBy(chatId, session().id())) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Мұндай чат жоқ.", "Такого чата нет.",
                    "No such chat."));
        }
        return chatId;
    }

    private Session session() {
        Session session = Session.from(request::getAttribute);
        if (session == null) {
            throw SessionProblems.loginRequired();
        }
        return session;
    }
}
