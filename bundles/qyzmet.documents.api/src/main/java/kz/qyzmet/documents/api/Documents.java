package kz.qyzmet.documents.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/**
 * Issues, stores and verifies output documents. Nothing here changes or removes
 * a document once issued; the database refuses it too (rules §45.2, §45.4).
 */
@ProviderType
public interface Documents {
    /**
     * Public path of a document's verification page, the target of the QR code on it:
     * {@code documents/verification/{token}}, with an unguessable token (numbers are not enumerable there).
     */
    String VERIFICATION_PATH = "documents/verification";

    /**
     * Lays out the PDF/A-2u document, numbers it, signs it with the broker's key (PAdES B-B, the number in the
     * signature), stores it with its SHA-256, and journals it as caused by {@code caller}.
     */
    StoredDocument issue(DocumentSpec spec, Caller caller);

    /**
     * Issues the PDF with the key figures a verification lookup shows; {@code keyFigures} is asked after the
     * document is laid out, so figures counted while writing it are complete.
     */
    StoredDocument issue(DocumentSpec spec, Supplier<List<Figure>> keyFigures, Caller caller);

    /** Stores a non-PDF document the service writes (CSV, JSON), numbered and hashed like any other. */
    StoredDocument issue(FileSpec spec, ContentWriter content, Caller caller);

    /** Like {@link #issue(FileSpec, ContentWriter, Caller)}, with key figures asked once the content is written. */
    StoredDocument issue(FileSpec spec, ContentWriter content, Supplier<List<Figure>> keyFigures, Caller caller);

    /** What the public may see of the document its verification token names (the QR code's link). */
    Optional<PublicRecord> lookUp(String verificationToken);

    /** What the public may see of a document (after a hash or file matched it). */
    Optional<PublicRecord> publicRecord(String documentId);

    /** The public verification link of a document (for its owner to share), if it has one. */
    Optional<String> verificationUrl(String documentId);

    /**
     * The public verification links of several documents at once (a list of a client's
     * documents), by document id; documents without one are absent.
     *
     * @since 1.2
     */
    java.util.Map<String, String> verificationUrls(java.util.Collection<String> documentIds);

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

    /**
     * Verifies presented bytes (hash and, for a PDF, signature) and records that it was asked: a journal
     * record for an identified caller, a count per day and outcome for an anonymous one (the public may
     * verify freely without filling the journal).
     */
    Verification verify(byte[] presented, Caller caller);

    /** The anonymous verifications counted per day and outcome, from {@code from} (UTC days) on. */
    List<VerificationCount> verificationCounts(java.time.LocalDate from);

    /** The certificate documents are signed with now. */
    SigningCertificate signingCertificate();

    /** Checks the digital signature of a presented PDF against the broker's document-signing key. */
    SignatureCheck verifySignature(byte[] presented);
}
