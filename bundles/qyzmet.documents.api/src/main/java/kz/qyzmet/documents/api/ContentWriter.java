package kz.qyzmet.documents.api;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a document's bytes; streamed to storage, never held whole in memory by the core. */
@FunctionalInterface
public interface ContentWriter {
    void write(OutputStream out) throws IOException;
}
