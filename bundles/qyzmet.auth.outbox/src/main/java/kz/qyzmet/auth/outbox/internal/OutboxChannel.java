package kz.qyzmet.auth.outbox.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.messaging.api.Message;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;

/**
 * The fallback for SMS, push and e-mail: codes and notices land in the
 * {@code otp_outbox} table. Its ranking is the lowest, so an installed gateway
 * takes its channel over without configuration. A messenger (Telegram) is not
 * served here: its bundle brings its own simulated bot for dev and demo.
 */
@Component(service = { MessageChannel.class, OutboxChannel.class }, property = {
        MessageChannel.CHANNEL_PROPERTY + "=" + MessageChannel.SMS,
        MessageChannel.CHANNEL_PROPERTY + "=" + MessageChannel.PUSH,
        MessageChannel.CHANNEL_PROPERTY + "=" + MessageChannel.EMAIL,
        "service.ranking:Integer=-1000" })
public class OutboxChannel implements MessageChannel {
    private final Database database;
    private final Clock clock;

    @Activate
    public OutboxChannel(@Reference Persistence persistence, @Reference Clock clock, BundleContext context) {
        this.database = persistence.open(context.getBundle(), "outbox", OutboxMapper.class);
        this.clock = clock;
    }

    @Override
    public void deliver(Message message) {
        database.inTransaction(session -> {
            session.getMapper(OutboxMapper.class).insert(message.channel(), message.recipient(), message.purpose(),
                    message.text(), message.sessionId(), LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)));
            return null;
        });
    }

    /** The latest codes asked for in that session, newest first. */
    List<OutboxMessage> latestOfSession(String sessionId, int limit) {
        return database.read(session -> session.getMapper(OutboxMapper.class).latestOfSession(sessionId, limit));
    }
}
