package kz.qyzmet.auth.outbox.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.OtpChannel;
import kz.qyzmet.auth.api.OtpMessage;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;

/**
 * The fallback for every channel: messages land in the {@code otp_outbox}
 * table. Its ranking is the lowest, so an installed SMS, push or e-mail gateway
 * takes its channel over without configuration.
 */
@Component(service = { OtpChannel.class, OutboxChannel.class }, property = {
        OtpChannel.CHANNEL_PROPERTY + "=" + OtpChannel.SMS,
        OtpChannel.CHANNEL_PROPERTY + "=" + OtpChannel.PUSH,
        OtpChannel.CHANNEL_PROPERTY + "=" + OtpChannel.EMAIL,
        "service.ranking:Integer=-1000" })
public class OutboxChannel implements OtpChannel {
    private final Database database;
    private final Clock clock;

    @Activate
    public OutboxChannel(@Reference Persistence persistence, @Reference Clock clock, BundleContext context) {
        this.database = persistence.open(context.getBundle(), "outbox", OutboxMapper.class);
        this.clock = clock;
    }

    @Override
    public void deliver(OtpMessage message) {
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
