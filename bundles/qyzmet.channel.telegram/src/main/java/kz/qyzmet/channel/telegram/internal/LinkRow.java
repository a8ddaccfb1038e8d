package kz.qyzmet.channel.telegram.internal;

import java.time.LocalDateTime;

/** One row of {@code telegram_link}; times in UTC. */
public class LinkRow {
    public String id;
    public String clientId;
    public String instructionId;
    public byte[] codeDigest;
    public LocalDateTime openedAt;
    public LocalDateTime expiresAt;
    public String chatId;
    public String shownAs;
    public LocalDateTime linkedAt;
    public LocalDateTime endedAt;
}
