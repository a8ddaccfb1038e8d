package kz.qyzmet.auth.outbox.internal;

import java.time.LocalDateTime;

/** One message in the outbox. */
public record OutboxMessage(long id, String channel, String recipient, String purpose, String text, LocalDateTime createdAt) {
}
