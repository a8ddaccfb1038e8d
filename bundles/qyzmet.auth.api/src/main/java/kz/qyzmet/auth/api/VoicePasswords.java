package kz.qyzmet.auth.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/**
 * A client's voice password (issue #16, §7.2): the phrase staff ask for when
 * the client phones. Kept only as an Argon2id hash, like passwords. It is set by
 * an instruction the client confirms with a code: the phrase is staged first
 * (hashed at once) and the instruction holds only the staged id, so no phrase is
 * ever stored in clear, in an instruction or the journal.
 *
 * @since 1.4
 */
@ProviderType
public interface VoicePasswords {

    /** Hashes {@code phrase} for the session's client and keeps it staged (not yet in force); its id. 400 when too weak. */
    String stage(Session session, String phrase, Caller origin);

    /** Whether {@code stagedId} is a phrase the client staged and has not used yet. */
    boolean isStaged(String clientId, String stagedId);

    /** Puts the staged phrase in force for the client, replacing the one before; in the caller's transaction. */
    void set(String clientId, String stagedId, Caller actor);

    /** When the client's voice password was set; empty when there is none. */
    Optional<Instant> setAt(String clientId);

    /**
     * Staff check what the caller on the phone says: true when it matches. At most a
     * few checks per client per hour (429 beyond), every one journalled with its result.
     */
    boolean check(String clientId, String spoken, Caller operator);
}
