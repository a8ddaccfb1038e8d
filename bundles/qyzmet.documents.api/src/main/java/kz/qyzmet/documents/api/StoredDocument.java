package kz.qyzmet.documents.api;

import java.time.Instant;

/**
 * A generated document as stored: never changed after it was issued (rules §45.2, §45.4).
 *
 * @param id            opaque id used in download links
 * @param number        the number printed on it, e.g. {@code EXT-2026-000042}
 * @param kind          e.g. {@code account-extract}
 * @param ownerClientId the client it belongs to, or null
 * @param title         its title
 * @param language      kk, ru or en
 * @param mediaType     {@code application/pdf}, {@code text/csv}, {@code application/json}
 * @param fileName      the name it downloads under
 * @param size          bytes
 * @param sha256        lower-case hex SHA-256 of the bytes
 * @param instructionId the instruction it answers, or null
 * @param issuedAt      when
 */
public record StoredDocument(String id, String number, String kind, String ownerClientId, String title, String language,
        String mediaType, String fileName, long size, String sha256, String instructionId, Instant issuedAt) {
}
