package kz.qyzmet.auth.internal;

import java.nio.charset.StandardCharsets;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/**
 * Argon2id (RFC 9106) through password4j. Hashes are PHC strings that carry
 * their own parameters, so a change of parameters in the configuration applies
 * to new hashes while old ones still verify, and {@link #needsRehash} tells the
 * login to store a fresh hash.
 */
final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    /** Verified against when the identity does not exist, so that both answers take as long (§22). */
    private final String decoy;

    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
        this.decoy = hash(Secrets.token());
    }

    String hash(String password) {
        return function.hash(password.getBytes(StandardCharsets.UTF_8), Secrets.randomBytes(SALT_BYTES)).getResult();
    }

    boolean verify(String password, String storedHash) {
        if (storedHash == null) {
            Argon2Function.getInstanceFromHash(decoy).check(password, decoy);
            return false;
        }
        return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
    }

    /** Spends one hash's time and fails: for unknown identities. */
    void verifyDecoy(String password) {
        verify(password == null ? "" : password, null);
    }

    boolean needsRehash(String storedHash) {
        Argon2Function stored = Argon2Function.getInstanceFromHash(storedHash);
        return stored.getMemory() != function.getMemory() || stored.getIterations() != function.getIterations()
                || stored.getParallelism() != function.getParallelism() || stored.getVariant() != Argon2.ID;
    }
}
