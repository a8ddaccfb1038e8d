package kz.qyzmet.uploads.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/**
 * The store of files clients upload (issue 16: "the document store keeps
 * uploaded identity documents only as long as configured"). A file is checked
 * ({@link FileType#check}), kept in parts with its SHA-256, and its content
 * deleted when the retention configured for its purpose ends; what it was and
 * why its content went stay. Every keeping, opening by staff and deletion is
 * journalled.
 */
@ProviderType
public interface Uploads {
    /** A scan or photo of an identity document named in a change of personal data (§7.2). */
    String IDENTITY_DOCUMENT = "identity-document";

    /**
     * Keeps the client's file for the purpose.
     *
     * @throws kz.qyzmet.common.api.ProblemException 415 not an accepted type or disguised, 413 larger than the
     *                                               limit, 429 more files today than the limit
     */
    Upload keep(String clientId, String purpose, byte[] bytes, String fileName, String declaredType, Caller caller);

    /** The upload, its content kept or deleted. */
    Optional<Upload> find(String id);

    /** The largest file accepted, in bytes (for reading a request body no further). */
    long maxFileBytes();

    /**
     * Writes the content to {@code out}; staff opening a client's file are journalled ({@code viewer} who).
     *
     * @throws kz.qyzmet.common.api.ProblemException 404 unknown, 410 its content was deleted at the end of its retention
     */
    void copyContent(String id, OutputStream out, Caller viewer) throws IOException;
}
