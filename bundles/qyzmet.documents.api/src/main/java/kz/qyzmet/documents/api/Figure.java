package kz.qyzmet.documents.api;

import java.util.Objects;

/**
 * One key figure of a document, in the document's language: what a person
 * compares a paper or a forwarded copy with when looking the document up (an
 * extract's balances, a report's period and totals). Never the holder's
 * identity: the lookup is public.
 *
 * @param label e.g. "KZT — барлығы" / "Период"
 * @param value as printed on the document, e.g. "29 417 369,89"
 */
public record Figure(String label, String value) {
    public Figure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
