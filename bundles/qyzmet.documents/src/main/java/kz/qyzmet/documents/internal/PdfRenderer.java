package kz.qyzmet.documents.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.CompressionConstants;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.PdfUAConformance;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.CanvasArtifact;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.kernel.pdf.event.AbstractPdfDocumentEvent;
import com.itextpdf.kernel.pdf.event.AbstractPdfDocumentEventHandler;
import com.itextpdf.kernel.pdf.event.PdfDocumentEvent;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.layout.RootLayoutArea;
import com.itextpdf.layout.properties.AreaBreakType;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;

import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.common.api.Language;

/**
 * Lays a {@link DocumentSpec} out as PDF/A-2a: Unicode text, so a person or a
 * regulator's tool can search and copy it, and tagged (issue #13), so a screen
 * reader reads the title, headings, paragraphs and tables in order and in the
 * document's language, and skips the decoration and the running footer, which
 * are artifacts; veraPDF finds it PDF/UA-1 too. It holds the broker's header with a QR code to
 * the document's verification, the title, number and issue time, the blocks, and
 * on every page a footer with the number and "page N of M". DejaVu Sans is
 * embedded (it has every Kazakh letter: Ә Ғ Қ Ң Ө Ұ Ү Һ І). Tables are laid out in
 * iText's large-table mode and flushed as they grow, so a 100,000-row report
 * takes the memory of a few pages.
 */
final class PdfRenderer {
    static final ZoneId BROKER_ZONE = kz.qyzmet.documents.api.Formats.BROKER_ZONE;
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Color INK = new DeviceRgb(0x1F, 0x29, 0x37);
    private static final Color MUTED = new DeviceRgb(0x5B, 0x67, 0x76);
    private static final Color RULE = new DeviceRgb(0xC9, 0xD1, 0xDB);
    private static final Color HEADER_FILL = new DeviceRgb(0xEC, 0xF0, 0xF5);
    private static final Color ACCENT = new DeviceRgb(0x0B, 0x5C, 0x4A);

    private static final Color DEMO = new DeviceRgb(176, 32, 32);
    /** Where bnd puts the DejaVu files taken from the jasperreports-fonts jar. */
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private final FontProgram regular;
    private final FontProgram bold;
    private final byte[] srgb;

    PdfRenderer() {
        this.regular = font(FONTS + "DejaVuSans.ttf");
        this.bold = font(FONTS + "DejaVuSans-Bold.ttf");
        this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** What the renderer prints around the content. */
    record Letterhead(String brokerName, String brokerDetails, String number, Instant issuedAt, String verificationUrl,
            boolean demo) {
    }

    void render(DocumentSpec spec, Letterhead head, OutputStream out) {
        Labels labels = Labels.of(spec.language());
        // PDF/A-2a and PDF/UA-1 at once: the XMP names both (veraPDF checks PDF/UA-1 in the tests)
        PdfWriter writer = new PdfWriter(out, new WriterProperties().addPdfAXmpMetadata(PdfAConformance.PDF_A_2A)
                .addPdfUaXmpMetadata(PdfUAConformance.PDF_UA_1).setFullCompressionMode(true)
                .setCompressionLevel(CompressionConstants.DEFAULT_COMPRESSION));
        PdfDocument pdf = new PdfDocument(writer);
        pdf.addOutputIntent(
                new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", new ByteArrayInputStream(srgb)));
        pdf.setTagged();
        PdfFont text = PdfFontFactory.createFont(regular, PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
        PdfFont strong = PdfFontFactory.createFont(bold, PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
        pdf.getDocumentInfo().setTitle(spec.title() + " № " + head.number()).setAuthor(head.brokerName())
                .setSubject(spec.kind()).setCreator("Qyzmet");
        pdf.getCatalog().setLang(new PdfString(spec.language().tag()));
        pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
        pdf.addEventHandler(PdfDocumentEvent.END_PAGE, new Footer(pdf, text, labels, head));
        pdf.addEventHandler(PdfDocumentEvent.START_PAGE, new PageFlusher(pdf));
        try (Document document = new Document(pdf, PageSize.A4)) {
            document.setMargins(36, 36, 54, 36);
            document.setFont(text).setFontSize(9).setFontColor(INK);
            letterhead(document, spec, head, labels, text, strong, pdf);
            for (Block block : spec.blocks()) {
                add(document, block, text, strong, pdf);
            }
        }
    }

    private void letterhead(Document document, DocumentSpec spec, Letterhead head, Labels labels, PdfFont text,
            PdfFont strong, PdfDocument pdf) {
        // a table only to place the broker's name beside the QR code: for a screen reader it is two blocks
        Table top = new Table(UnitValue.createPercentArray(new float[] { 72, 28 })).useAllAvailableWidth();
        top.getAccessibilityProperties().setRole(StandardRoles.DIV);
        Cell broker = new Cell().setBorder(Border.NO_BORDER).setVerticalAlignment(VerticalAlignment.MIDDLE)
                .add(new Paragraph(head.brokerName()).setFont(strong).setFontSize(13).setFontColor(ACCENT).setMarginBottom(2))
                .add(new Paragraph(head.brokerDetails()).setFontSize(7.5f).setFontColor(MUTED));
        BarcodeQRCode qr = new BarcodeQRCode(head.verificationUrl());
        PdfFormXObject code = qr.createFormXObject(INK, pdf);
        Image codeImage = new Image(code).setWidth(62).setHeight(62).setHorizontalAlignment(
                com.itextpdf.layout.properties.HorizontalAlignment.RIGHT);
        codeImage.getAccessibilityProperties().setAlternateDescription(labels.scanToVerify() + ": " + head.verificationUrl());
        Cell verification = new Cell().setBorder(Border.NO_BORDER).setTextAlignment(TextAlignment.RIGHT)
                .add(codeImage)
                .add(new Paragraph(labels.scanToVerify()).setFontSize(6).setFontColor(MUTED));
        broker.getAccessibilityProperties().setRole(StandardRoles.DIV);
        verification.getAccessibilityProperties().setRole(StandardRoles.DIV);
        top.addCell(broker).addCell(verification);
        top.setBorderBottom(new SolidBorder(ACCENT, 1.5f));
        document.add(top);
        Paragraph title = new Paragraph(spec.title()).setFont(strong).setFontSize(15).setMarginTop(14).setMarginBottom(4);
        title.getAccessibilityProperties().setRole(StandardRoles.H1);
        document.add(title);
        if (head.demo()) {
            // rules §4: a document of the demo version must never pass for the broker's
            document.add(new Paragraph(labels.demo()).setFont(strong).setFontSize(10).setFontColor(DEMO).setMarginBottom(4));
        }
        Table meta = new Table(UnitValue.createPercentArray(new float[] { 25, 75 })).useAllAvailableWidth().setMarginBottom(6);
        fieldRow(meta, labels.number(), head.number(), strong);
        fieldRow(meta, labels.issued(), ISSUED.format(head.issuedAt().atZone(BROKER_ZONE)) + " (" + labels.almatyTime() + ")",
                null);
        document.add(meta);
    }

    private static void fieldRow(Table table, String label, String value, PdfFont valueFont) {
        table.addCell(new Cell().setBorder(Border.NO_BORDER).setPadding(1.5f)
                .add(new Paragraph(label).setFontColor(MUTED)));
        Paragraph content = new Paragraph(value == null ? "—" : value);
        if (valueFont != null) {
            content.setFont(valueFont);
        }
        table.addCell(new Cell().setBorder(Border.NO_BORDER).setPadding(1.5f).add(content));
    }

    private void add(Document document, Block block, PdfFont text, PdfFont strong, PdfDocument pdf) {
        if (block instanceof Block.Heading heading) {
            Paragraph paragraph = new Paragraph(heading.text()).setFont(strong).setFontSize(11).setFontColor(ACCENT)
                    .setMarginTop(10).setMarginBottom(3);
            paragraph.getAccessibilityProperties().setRole(StandardRoles.H2);
            document.add(paragraph);
        } else if (block instanceof Block.Paragraph paragraph) {
            document.add(new Paragraph(paragraph.text()).setMarginBottom(4));
        } else if (block instanceof Block.Fields fields) {
            Table table = new Table(UnitValue.createPercentArray(new float[] { 25, 75 })).useAllAvailableWidth();
            for (Block.Field field : fields.fields()) {
                fieldRow(table, field.label(), field.value(), null);
            }
            document.add(table.setMarginBottom(4));
        } else if (block instanceof Block.Table table) {
            table(document, table, text, strong, pdf);
        }
    }

    /**
     * A table drawn by {@link CanvasTable} from where the layout stands, over as many
     * pages as its rows need; the layout then continues below its last row.
     */
    private void table(Document document, Block.Table spec, PdfFont text, PdfFont strong, PdfDocument pdf) {
        RootLayoutArea area = (RootLayoutArea) document.getRenderer().getCurrentArea();
        Rectangle free = area.getBBox();
        PageSize size = PageSize.A4;
        Rectangle frame = new Rectangle(document.getLeftMargin(), document.getBottomMargin(),
                size.getWidth() - document.getLeftMargin() - document.getRightMargin(),
                size.getHeight() - document.getTopMargin() - document.getBottomMargin());
        int startPage = area.getPageNumber();
        CanvasTable table = new CanvasTable(pdf, text, strong, INK, RULE, HEADER_FILL, frame, spec.columns(),
                pdf.getPage(startPage), free.getTop() - 2);
        spec.rows().accept(table::row);
        List<String> totals = spec.totals() == null ? null : spec.totals().get();
        if (totals != null && !totals.isEmpty()) {
            table.totals(totals);
        }
        table.finish();
        // the layout goes on under the table: on its last page, below its last row
        if (pdf.getPageNumber(table.page()) != startPage) {
            document.add(new AreaBreak(AreaBreakType.LAST_PAGE));
        }
        float used = ((RootLayoutArea) document.getRenderer().getCurrentArea()).getBBox().getTop() - table.bottom();
        if (used > 0) {
            Div spacer = new Div().setHeight(used).setMargin(0).setPadding(0);
            spacer.getAccessibilityProperties().setRole(null);
            document.add(spacer);
        }
    }

    /**
     * iText keeps every page in memory until it is flushed explicitly, so a report of
     * thousands of pages would grow the heap page by page. When page k starts, page
     * k-2 is complete: its footer is drawn (END_PAGE) and it is written out with its
     * content streams and its tags.
     */
    private static final class PageFlusher extends AbstractPdfDocumentEventHandler {
        private final PdfDocument pdf;

        PageFlusher(PdfDocument pdf) {
            this.pdf = pdf;
        }

        @Override
        protected void onAcceptedEvent(AbstractPdfDocumentEvent event) {
            int started = pdf.getPageNumber(((PdfDocumentEvent) event).getPage());
            if (started > 2) {
                PdfPage done = pdf.getPage(started - 2);
                if (!done.isFlushed()) {
                    // flush(false): the footer's page-count object, a resource shared by every page, is filled in at
                    // the end. The page's tags are written out with it.
                    done.flush(false);
                    // iText keeps every page's marked-content references until the document closes, to build the
                    // parent tree then: a tagged table of 100,000 rows would hold them all. The page's entry is made now.
                    pdf.getStructTreeRoot().createParentTreeEntryForPage(done);
                }
            }
        }
    }

    /**
     * The footer of every page: broker, document number, verification address, and
     * "page N of M" (issue #13). Pages are written out as the document grows, so no
     * page can wait for the total: every footer draws the same small form XObject
     * where M goes, and that one object is filled in when the document closes and
     * the count is known.
     */
    private static final class Footer extends AbstractPdfDocumentEventHandler {
        private static final float SIZE = 7;
        /** The baseline of the footer's first line (the paragraphs there sit at 28 with their leading). */
        private static final float BASELINE = 30.2f;
        private final PdfDocument pdf;
        private final PdfFont font;
        private final Labels labels;
        private final Letterhead head;
        /** Where M goes; its box starts 3 pt below the baseline, for the descenders (iText places a box by its corner). */
        private final PdfFormXObject total = new PdfFormXObject(new Rectangle(0, 0, 40, SIZE + 6));
        private boolean totalWritten;

        Footer(PdfDocument pdf, PdfFont font, Labels labels, Letterhead head) {
            this.pdf = pdf;
            this.font = font;
            this.labels = labels;
            this.head = head;
        }

        @Override
        protected void onAcceptedEvent(AbstractPdfDocumentEvent event) {
            PdfPage page = ((PdfDocumentEvent) event).getPage();
            Rectangle size = page.getPageSize();
            int number = pdf.getPageNumber(page);
            if (pdf.isClosing() && !totalWritten) {
                // the remaining footers are drawn as the document closes: the count is final now
                new PdfCanvas(total, pdf).beginText().setFontAndSize(font, SIZE).setFillColor(MUTED).moveText(0, 3)
                        .showText(String.valueOf(pdf.getNumberOfPages())).endText();
                totalWritten = true;
            }
            PdfCanvas canvas = new PdfCanvas(page.newContentStreamAfter(), page.getResources(), pdf);
            // the running footer repeats on every page: an artifact, which a screen reader skips (PDF/A-2a, issue #13)
            canvas.openTag(new CanvasArtifact());
            canvas.setStrokeColor(RULE).setLineWidth(0.5f).moveTo(36, 40).lineTo(size.getWidth() - 36, 40).stroke();
            try (Canvas layout = new Canvas(canvas, size)) {
                layout.setFont(font).setFontSize(SIZE).setFontColor(MUTED);
                layout.showTextAligned(new Paragraph(head.brokerName() + " · " + head.number()), 36, 28, TextAlignment.LEFT);
                layout.showTextAligned(new Paragraph(labels.verifyAt() + " " + head.verificationUrl()).setFontSize(6),
                        36, 19, TextAlignment.LEFT);
            }
            // "page N of " then the shared count, on one baseline, ending at the right margin's reserve
            String pageText = labels.page(number) + " " + labels.pageJoin() + " ";
            float totalX = size.getWidth() - 36 - font.getWidth("000000", SIZE);
            canvas.beginText().setFontAndSize(font, SIZE).setFillColor(MUTED)
                    .moveText(totalX - font.getWidth(pageText, SIZE), BASELINE).showText(pageText).endText();
            canvas.addXObjectAt(total, totalX, BASELINE - 3);
            canvas.closeTag();
            canvas.release();
        }
    }

    /** The words the renderer itself prints, per language. */
    record Labels(String number, String issued, String almatyTime, String pagePrefix, String pageJoin, String verifyAt,
            String scanToVerify, String demo) {
        static Labels of(Language language) {
            return switch (language) {
            case KK -> new Labels("Құжат нөмірі", "Берілген уақыты", "Алматы уақыты", "Бет", "/",
                    "Түпнұсқалығын тексеру:", "QR — тексеру", "ДЕМО · оқу нұсқасы: брокер құжаты емес");
            case RU -> new Labels("Номер документа", "Дата и время выдачи", "время Алматы", "Страница", "из",
                    "Проверка подлинности:", "QR — проверка", "ДЕМО · учебная версия: не является документом брокера");
            case EN -> new Labels("Document No.", "Issued", "Almaty time", "Page", "of", "Verify authenticity:",
                    "QR — verify", "DEMO · training version: not a document of the broker");
            };
        }

        String page(int number) {
            return pagePrefix + " " + number;
        }

    }

    private static FontProgram font(String resource) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the bundle");
            }
            return FontProgramFactory.createFont(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
