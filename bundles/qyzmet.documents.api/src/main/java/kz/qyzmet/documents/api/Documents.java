package kz.qyzmet.documents.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/**
 * Issues, stores and verifies output documents. Nothing here changes or removes
 * a document once issued; the database refuses it too (rules §45.2, §45.4).
 */
@ProviderType
public interface Documents {
    /** Public path of a document's verification page, the target of the QR code on it: {@code documents/verification/{number}}. */
    String VERIFICATION_PATH = "documents/verification";

    /**
     * Lays out the PDF/A-2u document, numbers it, signs it with the broker's key (PAdES B-B, the number in the
     * signature), stores it with its SHA-256, and journals it as caused by {@code caller}.
     */
    StoredDocument issue(DocumentSpec spec, Caller caller);

    /** Stores a non-PDF document the service writes (CSV, JSON), numbered and hashed like any other. */
    StoredDocument issue(FileSpec spec, ContentWriter content, Caller caller);

    Optional<StoredDocument> find(String id);

    Optional<StoredDocument> findByNumber(String number);

    /** The client's documents, newest first. */
    List<StoredDocument> ofClient(String clientId, int limit);

    /** Copies the stored bytes of a document to {@code out}. */
    void copyContent(String id, OutputStream out) throws IOException;

    /** Hashes the presented bytes and looks them up. */
    Verification verify(byte[] presented);

    /** Looks a hash up (lower-case or upper-case hex). */
    Verification verifyHash(String sha256);

    /** Checks the digital signature of a presented PDF against the broker's document-signing key. */
    SignatureCheck verifySignature(byte[] presented);
}
