package kz.qyzmet.documents.internal;

import java.util.ArrayList;
import java.util.List;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.canvas.CanvasArtifact;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.tagging.PdfStructureAttributes;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.kernel.pdf.tagutils.TagTreePointer;

import kz.qyzmet.documents.api.Block;

/**
 * Draws a table straight onto page canvases, row by row, starting a new page (with
 * the header row again) when the next row does not fit. iText's layout engine
 * measured 2,000–3,000 rows per second here, too slow for a report of 100,000
 * operations; this writes tens of thousands per second with the same look: cell
 * text wraps at word boundaries (nothing is cut, rules §16.3), numbers align right.
 * <p>
 * The table is tagged as it is drawn (PDF/A-2a, issue #13: a screen reader reads
 * it as a table): Table with a THead row of TH (column scope) and the rows in a
 * TBody per page (so no list of kids grows with the table), a TD for every cell,
 * each cell's text its own marked content; rules, fills and the
 * header repeated on later pages are artifacts. A page's rows are complete
 * structure when the page is flushed, so their tags are written out with it.
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

    private final TagTreePointer tags;
    private PdfPage page;
    private PdfCanvas canvas;
    private float y;
    private boolean headerTagged;

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
        this.tags = new TagTreePointer(pdf).setPageForTagging(page);
        tags.addTag(StandardRoles.TABLE);
        header();
        tags.addTag(StandardRoles.TBODY);
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
        tags.moveToParent().moveToParent();
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
            tags.setPageForTagging(page);
            // a row group per page: the table's own list of kids stays short however long it runs
            tags.moveToParent().addTag(StandardRoles.TBODY);
            y = frame.getTop();
            header();
        }
        if (total) {
            rule(ink, 0.75f, y);
        }
        write(lines, font, y, StandardRoles.TD);
        y -= rowHeight;
        if (!total) {
            rule(rule, 0.4f, y);
        }
    }

    /** A horizontal rule across the table: decoration, so an artifact. */
    private void rule(Color color, float width, float at) {
        canvas.openTag(new CanvasArtifact());
        canvas.setStrokeColor(color).setLineWidth(width).moveTo(frame.getLeft(), at).lineTo(frame.getRight(), at).stroke();
        canvas.closeTag();
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
        canvas.openTag(new CanvasArtifact());
        canvas.setFillColor(headerFill).rectangle(frame.getLeft(), y - rowHeight, frame.getWidth(), rowHeight).fill();
        canvas.closeTag();
        // the header is structure once (THead); where it is repeated on a later page it is an artifact
        if (!headerTagged) {
            tags.addTag(StandardRoles.THEAD);
        }
        write(lines, strong, y - 0.5f, headerTagged ? null : StandardRoles.TH);
        if (!headerTagged) {
            tags.moveToParent();
        }
        headerTagged = true;
        y -= rowHeight;
        rule(rule, 0.75f, y);
    }

    /**
     * One row: with {@code role} a TR whose cells are tagged {@code role} (TH: with column
     * scope), without it an artifact.
     */
    private void write(List<List<String>> lines, PdfFont font, float top, String role) {
        if (role == null) {
            canvas.openTag(new CanvasArtifact());
        } else {
            tags.addTag(StandardRoles.TR);
        }
        for (int i = 0; i < columns.size(); i++) {
            if (role != null) {
                tags.addTag(role);
                if (StandardRoles.TH.equals(role)) {
                    tags.getProperties().addAttributes(new PdfStructureAttributes("Table").addEnumAttribute("Scope", "Column"));
                }
                // an empty cell still gets its (empty) marked content: the TD then belongs to this page and is
                // written out with it instead of waiting in memory for the document's end
                canvas.openTag(tags.getTagReference());
            }
            canvas.setFillColor(ink);
            canvas.beginText().setFontAndSize(font, FONT_SIZE);
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
            canvas.endText();
            if (role != null) {
                canvas.closeTag();
                tags.moveToParent();
            }
        }
        if (role == null) {
            canvas.closeTag();
        } else {
            tags.moveToParent();
        }
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
