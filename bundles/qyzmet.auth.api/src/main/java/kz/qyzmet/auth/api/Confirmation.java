package kz.qyzmet.auth.api;

import java.time.Instant;

/**
 * Proof that a client confirmed exactly this content (rules §25.2).
 *
 * @param challengeId the challenge answered
 * @param subject     the instruction confirmed
 * @param digest      the digest confirmed
 * @param identityId  who confirmed
 * @param sessionId   the session the code was entered in
 * @param preparedBy  the manager who prepared the instruction (§35.3), otherwise {@code null}
 * @param confirmedAt when
 */
public record Confirmation(String challengeId, String subject, String digest, String identityId, String sessionId,
        String preparedBy, Instant confirmedAt) {
}
