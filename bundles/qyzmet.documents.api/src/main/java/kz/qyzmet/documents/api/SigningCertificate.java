package kz.qyzmet.documents.api;

/**
 * The certificate the broker signs documents with, as a reader compares it with
 * what their PDF reader shows.
 *
 * @param subject its subject's distinguished name
 * @param sha256  its SHA-256 fingerprint, lower-case hex
 */
public record SigningCertificate(String subject, String sha256) {
}
