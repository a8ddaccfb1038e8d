package kz.qyzmet.auth.api;

import java.time.Instant;

/**
 * A code was sent; the client answers with it.
 *
 * @param id        the challenge to answer
 * @param subject   the instruction it confirms
 * @param digest    the digest it is bound to
 * @param channel   where the code went
 * @param expiresAt when the code stops working
 */
public record ConfirmationChallenge(String id, String subject, String digest, String channel, Instant expiresAt) {
}
