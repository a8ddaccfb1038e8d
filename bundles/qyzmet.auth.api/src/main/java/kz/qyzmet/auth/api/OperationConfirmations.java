package kz.qyzmet.auth.api;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/**
 * Per-operation confirmation (rules §25.2, §35.3, §40): a fresh one-time code
 * bound to one instruction's digest. A code confirms only the content it was
 * sent for: another instruction, or the same one changed, is refused. Failures
 * are {@code ProblemException}s with the reason in the client's language; wrong
 * codes count towards the account lock of §42.
 */
@ProviderType
public interface OperationConfirmations {

    /**
     * Sends the client of {@code session} a code for this content. The session
     * must be a security session (§21, §36).
     */
    ConfirmationChallenge request(Session session, ConfirmationRequest request);

    /**
     * A manager prepared the instruction at the client's request (§35.3): the code
     * goes to the client's registered phone, and the client signs by entering it
     * in the web cabinet or the app, in a session of their own.
     *
     * @param clientId the client record whose identity signs
     * @param manager  the manager (role manager, operator or admin)
     */
    ConfirmationChallenge requestSignature(String clientId, ConfirmationRequest request, Caller manager);

    /**
     * Checks the code the client entered in {@code session} against the challenge
     * and the digest of the content the client is confirming now.
     */
    Confirmation confirm(Session session, String challengeId, String digest, String code);

    /**
     * As {@link #confirm(Session, String, String, String)}, with the caller whose
     * address and correlation id the record of the confirmation keeps.
     */
    Confirmation confirm(Session session, String challengeId, String digest, String code, Caller caller);
}
