package kz.qyzmet.documents.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import kz.qyzmet.documents.api.StoredDocument;

/** A row of {@code doc_document} without its content. */
public class DocumentRow {
    public String id;
    public String number;
    public String kind;
    public String ownerClientId;
    public String title;
    public String language;
    public String mediaType;
    public String fileName;
    public long size;
    public String sha256;
    public String instructionId;
    public LocalDateTime issuedAt;
    /** The public lookup's key: 256 random bits, URL-safe (null for documents issued before it existed). */
    public String verificationToken;
    /** The key figures as JSON: [{"label": …, "value": …}]. */
    public String keyFigures;

    StoredDocument toDocument() {
        return new StoredDocument(id, number, kind, ownerClientId, title, language, mediaType, fileName, size, sha256,
                instructionId, issuedAt.toInstant(ZoneOffset.UTC));
    }
}
