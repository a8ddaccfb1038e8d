package kz.qyzmet.documents.api;

import kz.qyzmet.common.api.Language;

/**
 * A document that is not a PDF (CSV, JSON): the service writes the bytes, the
 * documents core numbers, hashes and stores them like any other document.
 */
public record FileSpec(String kind, String ownerClientId, Language language, String title, String mediaType,
        String extension, String instructionId) {
}
