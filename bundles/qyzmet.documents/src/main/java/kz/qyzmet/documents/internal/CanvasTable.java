package kz.qyzmet.documents.internal;

import java.util.ArrayList;
import java.util.List;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

import kz.qyzmet.documents.api.Block;

/**
 * Draws a table straight onto page canvases, row by row, starting a new page (with
 * the header row again) when the next row does not fit. iText's layout engine
 * measured 2,000–3,000 rows per second here, too slow for a report of 100,000
 * operations; this writes tens of thousands per second with the same look: cell
 * text wraps at word boundaries (nothing is cut, rules §16.3), numbers align right.
 */
final class CanvasTable {
    private static final float FONT_SIZE = 7.5f;
    private static final float LEADING = 9.2f;
    private static final float PADDING = 2.5f;

    private final PdfDocument pdf;
    private final PdfFont text;
    private final PdfFont strong;
    private final Color ink;
    private final Color rule;
    private final Color headerFill;
    private final Rectangle frame;
    private final List<Block.Column> columns;
    private final float[] left;
    private final float[] width;

    private PdfPage page;
    private PdfCanvas canvas;
    private float y;

    /**
     * @param frame the printable area of every page (inside the margins)
     * @param top   where the table starts on {@code page}
     */
    CanvasTable(PdfDocument pdf, PdfFont text, PdfFont strong, Color ink, Color rule, Color headerFill, Rectangle frame,
            List<Block.Column> columns, PdfPage page, float top) {
        this.pdf = pdf;
        this.text = text;
        this.strong = strong;
        this.ink = ink;
        this.rule = rule;
        this.headerFill = headerFill;
        this.frame = frame;
        this.columns = columns;
        this.left = new float[columns.size()];
        this.width = new float[columns.size()];
        float[] widths = widths(columns, frame.getWidth(), text, strong);
        float x = frame.getLeft();
        for (int i = 0; i < columns.size(); i++) {
            left[i] = x;
            width[i] = widths[i];
            x += width[i];
        }
        this.page = page;
        this.canvas = new PdfCanvas(page);
        this.y = top;
        header();
    }

    /** A numeric column is at least as wide as a 12-digit amount; a wider one is set smaller, never broken. */
    static final String TYPICAL_AMOUNT = "000\u00a0000\u00a0000\u00a0000,00";
    /** The smallest size a value that must stay whole (an amount, a long word) is set in. */
    static final float MIN_FONT_SIZE = 4f;

    /**
     * Column widths by weight, but never narrower than the longest word of the
     * header and, in a numeric column, a typical amount (rows stream, so they
     * cannot be measured first); what those need is taken from the other columns.
     * If the minimums together are wider than the page they shrink together.
     */
    static float[] widths(List<Block.Column> columns, float available, PdfFont text, PdfFont strong) {
        int n = columns.size();
        float[] minimum = new float[n];
        float needed = 0;
        for (int i = 0; i < n; i++) {
            Block.Column column = columns.get(i);
            float need = 0;
            for (String word : column.title().split(" ")) {
                need = Math.max(need, strong.getWidth(word, FONT_SIZE));
            }
            if (column.numeric()) {
                need = Math.max(need, text.getWidth(TYPICAL_AMOUNT, FONT_SIZE));
            }
            minimum[i] = need + 2 * PADDING + 0.5f;
            needed += minimum[i];
        }
        if (needed > available) {
            for (int i = 0; i < n; i++) {
                minimum[i] *= available / needed;
            }
        }
        float[] width = new float[n];
        boolean[] fixed = new boolean[n];
        // give every column its share; fix the ones below their minimum at it, and share the rest again
        for (boolean changed = true; changed;) {
            changed = false;
            float free = available;
            float freeWeights = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    free -= minimum[i];
                } else {
                    freeWeights += columns.get(i).weight();
                }
            }
            for (int i = 0; i < n; i++) {
                width[i] = fixed[i] ? minimum[i] : free * columns.get(i).weight() / freeWeights;
                if (!fixed[i] && width[i] < minimum[i]) {
                    fixed[i] = true;
                    changed = true;
                }
            }
            if (freeWeights == 0) {
                break;
            }
        }
        return width;
    }

    /** The table's bottom so far, on the page it ended on. */
    float bottom() {
        return y;
    }

    PdfPage page() {
        return page;
    }

    void row(List<String> values) {
        draw(values, text, false);
    }

    void totals(List<String> values) {
        draw(values, strong, true);
    }

    void finish() {
        canvas.release();
    }

    private void draw(List<String> values, PdfFont font, boolean total) {
        List<List<String>> lines = new ArrayList<>(columns.size());
        int height = 1;
        for (int i = 0; i < columns.size(); i++) {
            String value = i < values.size() && values.get(i) != null ? values.get(i) : "";
            List<String> wrapped = columns.get(i).numeric() ? List.of(value) : wrap(value, font, width[i] - 2 * PADDING);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float rowHeight = height * LEADING + 2 * PADDING;
        if (y - rowHeight < frame.getBottom()) {
            canvas.release();
            page = pdf.addNewPage(PageSize.A4);
            canvas = new PdfCanvas(page);
            y = frame.getTop();
            header();
        }
        if (total) {
            canvas.setStrokeColor(ink).setLineWidth(0.75f).moveTo(frame.getLeft(), y).lineTo(frame.getRight(), y).stroke();
        }
        write(lines, font, y);
        y -= rowHeight;
        if (!total) {
            canvas.setStrokeColor(rule).setLineWidth(0.4f).moveTo(frame.getLeft(), y).lineTo(frame.getRight(), y).stroke();
        }
    }

    private void header() {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < columns.size(); i++) {
            List<String> wrapped = wrap(columns.get(i).title(), strong, width[i] - 2 * PADDING);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float rowHeight = height * LEADING + 2 * PADDING + 1;
        canvas.setFillColor(headerFill).rectangle(frame.getLeft(), y - rowHeight, frame.getWidth(), rowHeight).fill();
        write(lines, strong, y - 0.5f);
        y -= rowHeight;
        canvas.setStrokeColor(rule).setLineWidth(0.75f).moveTo(frame.getLeft(), y).lineTo(frame.getRight(), y).stroke();
    }

    private void write(List<List<String>> lines, PdfFont font, float top) {
        canvas.setFillColor(ink);
        canvas.beginText().setFontAndSize(font, FONT_SIZE);
        for (int i = 0; i < columns.size(); i++) {
            float baseline = top - PADDING - FONT_SIZE;
            float available = width[i] - 2 * PADDING;
            for (String line : lines.get(i)) {
                // what must stay whole (an amount, a word longer than the column) is set smaller to fit
                float natural = font.getWidth(line, FONT_SIZE);
                float size = natural <= available ? FONT_SIZE : Math.max(MIN_FONT_SIZE, FONT_SIZE * available / natural);
                canvas.setFontAndSize(font, size);
                float x = columns.get(i).numeric() ? left[i] + width[i] - PADDING - font.getWidth(line, size)
                        : left[i] + PADDING;
                canvas.setTextMatrix(x, baseline).showText(line);
                baseline -= LEADING;
            }
        }
        canvas.endText();
    }

    /**
     * Greedy word wrap to the width at spaces (a no-break space joins, as in amounts); a word longer
     * than a line stands on its own line, set smaller when drawn, and is broken only if it does not
     * fit even at the smallest size.
     */
    private static List<String> wrap(String value, PdfFont font, float available) {
        List<String> lines = new ArrayList<>(1);
        if (font.getWidth(value, FONT_SIZE) <= available) {
            lines.add(value);
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : value.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getWidth(candidate, FONT_SIZE) <= available) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (font.getWidth(word, MIN_FONT_SIZE) <= available) {
                // a word longer than the column gets a line of its own, set smaller: never cut in the middle
                lines.add(word);
                continue;
            }
            String rest = word;
            while (font.getWidth(rest, FONT_SIZE) > available && rest.length() > 1) {
                int fits = rest.length() - 1;
                while (fits > 1 && font.getWidth(rest.substring(0, fits), FONT_SIZE) > available) {
                    fits--;
                }
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
