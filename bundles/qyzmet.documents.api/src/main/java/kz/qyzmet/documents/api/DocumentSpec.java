package kz.qyzmet.documents.api;

import java.util.List;
import java.util.Objects;

import kz.qyzmet.common.api.Language;

/**
 * What a PDF document says, in one language: a title, then blocks in order.
 * Layout (header, fonts, page numbers, QR code, PDF/A) is the documents core's.
 *
 * @param kind          stable kind, e.g. {@code account-extract}; it names the number series
 * @param ownerClientId the client the document belongs to (only they may download it), or null for the broker's own
 * @param language      the language every text of the document is in
 * @param title         the heading, e.g. "Выписка по лицевому счёту"
 * @param blocks        the body
 * @param instructionId the client instruction the document answers, or null
 */
public record DocumentSpec(String kind, String ownerClientId, Language language, String title, List<Block> blocks,
        String instructionId) {
    public DocumentSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }
}
