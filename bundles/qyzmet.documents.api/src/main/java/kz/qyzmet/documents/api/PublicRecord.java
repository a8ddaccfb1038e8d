package kz.qyzmet.documents.api;

import java.time.Instant;
import java.util.List;

/**
 * What anyone holding a document's verification link may learn of it: what it
 * is, when it was issued, its key figures and the SHA-256 of the original
 * file — nothing about whom it belongs to.
 */
public record PublicRecord(String number, String kind, String title, String language, String mediaType, long size,
        String sha256, Instant issuedAt, List<Figure> keyFigures) {
    public PublicRecord {
        keyFigures = List.copyOf(keyFigures);
    }
}
