package kz.qyzmet.auth.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/**
 * How a client's login identifiers (§20: phone, e-mail) change — only through a
 * change of personal data (§7.2): the new phone or e-mail is proven first with a
 * code sent to it (so nobody names a number they do not hold), and the identity
 * logs in with it from the moment staff accept the change; the old one no longer
 * works. Nothing here writes a phone or an e-mail into the audit journal in
 * clear (SHA-256 digests).
 *
 * @since 1.4
 */
@ProviderType
public interface ContactChanges {

    /** The normal form login identifiers keep ({@code sms}: E.164, {@code email}: lower case); empty when it is none. */
    Optional<String> normalise(String channel, String value);

    /**
     * Sends a code to {@code recipient} ({@code "sms"} to a phone,
     * {@code "email"} to an address) for the session's identity; when it
     * expires. Refused with 409 when another identity logs in with it, 429 past the
     * hourly limit of codes.
     */
    Instant sendProof(Session session, String channel, String recipient, Caller origin);

    /** Checks the code sent there: the recipient is proven for the identity; refused with 400 and the reason. */
    void prove(Session session, String channel, String recipient, String code, Caller origin);

    /** Whether the client (their identity, in a session of their own) proved {@code recipient} on {@code channel} at or after {@code since}. */
    boolean proven(String clientId, String channel, String recipient, Instant since);

    /**
     * The client's identity logs in with {@code phone} and {@code email} from now
     * on (null: that one unchanged), in the caller's transaction when one is open.
     * Refused with 409 when another identity uses one of them.
     */
    void change(String clientId, String phone, String email, Caller actor);
}
