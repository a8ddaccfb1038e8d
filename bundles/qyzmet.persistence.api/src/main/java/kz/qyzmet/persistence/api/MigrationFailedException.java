package kz.qyzmet.persistence.api;

/** A bundle's schema could not be brought up to date; the bundle must not start on it. */
public class MigrationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
