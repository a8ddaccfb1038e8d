package kz.qyzmet.provisioning.api;

/** A feature could not be installed or removed; the message says why. */
public class ProvisioningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why it was refused, so that callers can answer precisely. */
    public enum Reason {
        UNKNOWN_FEATURE, STARTUP_FEATURE, NOT_INSTALLED, BUNDLE_FAILED
    }

    private final Reason reason;
    private final String feature;

    public ProvisioningException(Reason reason, String feature, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.feature = feature;
    }

    public Reason reason() {
        return reason;
    }

    public String feature() {
        return feature;
    }
}
