package kz.qyzmet.documents.api;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A part of a document's body. */
public sealed interface Block permits Block.Heading, Block.Paragraph, Block.Fields, Block.Table {

    /** A section heading. */
    record Heading(String text) implements Block {
    }

    /** Running text. */
    record Paragraph(String text) implements Block {
    }

    /** Label–value pairs, e.g. client, account, date. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, String value) {
    }

    /**
     * A table whose rows are streamed: {@code rows} is called once, while the page is
     * being laid out, and hands every row to the sink, so a table of any length
     * takes flat memory (rules §16.3: no truncation). {@code totals} is asked after
     * the last row (sums can be counted while streaming) and may give null for none.
     */
    record Table(List<Column> columns, Consumer<Consumer<List<String>>> rows, Supplier<List<String>> totals)
            implements Block {
        public Table {
            columns = List.copyOf(columns);
        }

        public static Table of(List<Column> columns, List<List<String>> rows, List<String> totals) {
            List<List<String>> copy = List.copyOf(rows);
            return new Table(columns, sink -> copy.forEach(sink), () -> totals);
        }
    }

    /**
     * @param title  column heading
     * @param weight relative width
     * @param numeric right-aligned (amounts, quantities)
     */
    record Column(String title, float weight, boolean numeric) {
    }
}
