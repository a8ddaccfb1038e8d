package kz.qyzmet.deployment.internal;

/** A bundle that is not deployed, with the reason (for the operator, the journal and the directory's .refused file). */
final class DeploymentRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    DeploymentRefused(String code, String reason) {
        super(reason);
        this.code = code;
    }

    /** A short, stable name of the reason: older-version, unsigned, untrusted-signer, platform-bundle, … */
    String code() {
        return code;
    }
}
