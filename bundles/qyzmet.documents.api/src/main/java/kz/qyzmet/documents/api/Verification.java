package kz.qyzmet.documents.api;

/**
 * The answer to "is this document genuine?".
 *
 * @param genuine  the bytes (or hash) are exactly those of a document the platform issued
 * @param sha256   the hash that was looked up
 * @param document what it is, when genuine; otherwise null
 */
public record Verification(boolean genuine, String sha256, StoredDocument document) {
}
