package kz.qyzmet.documents.internal;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;

/**
 * A PDF opened to sign it or to check its signature, without reading its
 * structure tree. iText reads the whole tree of a tagged PDF when it opens one
 * (every marked-content reference of every page): for a 100,000-operation
 * report, whose table has a tag per cell, that is close to a gigabyte of heap,
 * and an uploaded file of any size could ask the same of a public verification.
 * Signing appends a signature to the last revision and verification reads one
 * dictionary; neither needs the tree, which stays in the file as written.
 */
final class StructureBlindDocument extends PdfDocument {

    /** For reading only. */
    StructureBlindDocument(PdfReader reader) {
        super(reader);
    }

    /** For an incremental update (the signature). */
    StructureBlindDocument(PdfReader reader, PdfWriter writer, StampingProperties properties) {
        super(reader, writer, properties);
    }

    @Override
    protected void tryInitTagStructure(PdfDictionary structTreeRoot) {
        // deliberately not read: see the class comment
    }
}
