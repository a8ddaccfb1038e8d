package kz.qyzmet.uploads.api;

import java.time.Instant;

/**
 * A file a client uploaded.
 *
 * @param id        its id, named by the request it belongs to
 * @param clientId  whose it is
 * @param purpose   what for, e.g. {@link Uploads#IDENTITY_DOCUMENT}; its retention follows from it
 * @param type      what the bytes are
 * @param fileName  the name kept (the base name as uploaded)
 * @param size      bytes
 * @param sha256    hex digest of the content, which stays after the content is deleted
 * @param keptAt    when it was uploaded
 * @param keepUntil when its content is deleted; null: kept for good
 * @param purgedAt  when its content was deleted; null while it is kept
 */
public record Upload(String id, String clientId, String purpose, FileType type, String fileName, long size, String sha256,
        Instant keptAt, Instant keepUntil, Instant purgedAt) {

    public boolean purged() {
        return purgedAt != null;
    }
}
