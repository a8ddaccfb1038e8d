package kz.qyzmet.persistence.api;

/**
 * A bundle's schema could not be brought up to date: thrown by every use of
 * that bundle's database until an operator repairs it ({@link Migrations#repair}).
 */
public class MigrationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
