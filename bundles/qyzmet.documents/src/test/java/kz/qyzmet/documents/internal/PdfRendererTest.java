package kz.qyzmet.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.common.api.Language;

/** The layout as a reader (PDFBox, not the library that wrote it) sees it. */
class PdfRendererTest {
    private static final String KAZAKH = "Ә Ғ Қ Ң Ө Ұ Ү Һ І ә ғ қ ң ө ұ ү һ і";

    private static byte[] render(int rows) {
        List<Block.Column> columns = List.of(new Block.Column("Күні", 2, false), new Block.Column("Сипаттама", 5, false),
                new Block.Column("Сомасы", 2, true));
        List<List<String>> table = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            table.add(List.of("2026-11-" + (i % 28 + 1), "Өтеу № " + i + " — Қазақстан", i + ".00"));
        }
        DocumentSpec spec = new DocumentSpec("account-extract", "DEMO-0001", Language.KK, "Жеке шот бойынша үзінді көшірме",
                List.of(new Block.Fields(List.of(new Block.Field("Клиент", "Айгерім Сейітқали"))),
                        new Block.Heading("Ақша қаражаты"), new Block.Paragraph(KAZAKH),
                        Block.Table.of(columns, table, List.of("Барлығы", "", rows + ".00"))),
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfRenderer().render(spec, new PdfRenderer.Letterhead("«Qyzmet Broker» АҚ", "Алматы қ.", "AE-2026-000001",
                Instant.parse("2026-11-25T10:15:00Z"), "https://localhost:8443/api/v1/documents/verification/AE-2026-000001", false), out);
        return out.toByteArray();
    }

    @Test
    void aDocumentOfTheDemoVersionSaysSoInItsLanguage() throws IOException {
        // rules §4: the training version's documents must never pass for the broker's
        DocumentSpec spec = new DocumentSpec("account-extract", "DEMO-0001", Language.RU, "Выписка", List.of(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfRenderer().render(spec, new PdfRenderer.Letterhead("АО «Qyzmet Broker»", "г. Алматы", "AE-2026-000009",
                Instant.parse("2026-11-25T10:15:00Z"), "https://localhost:8443/verify/x", true), out);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertTrue(new PDFTextStripper().getText(document).contains("ДЕМО · учебная версия: не является документом брокера"));
        }
        try (PDDocument document = Loader.loadPDF(render(1))) {
            assertTrue(!new PDFTextStripper().getText(document).contains("ДЕМО"), "a real document says nothing of the kind");
        }
    }

    @Test
    void kazakhLettersAreRealTextInEmbeddedFonts() throws IOException {
        byte[] pdf = render(20);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String letter : KAZAKH.split(" ")) {
                assertTrue(text.contains(letter), "text extraction finds " + letter);
            }
            assertTrue(text.contains("AE-2026-000001"), "the number is printed");
            assertTrue(text.contains("25.11.2026 15:15"), "issued in Almaty time (UTC+5)");
            assertTrue(text.contains("Бет 1 / 1"), "page N of M on the page: " + text);
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            assertTrue(document.getDocumentCatalog().getMetadata() != null, "PDF/A carries XMP metadata");
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>") || xmp.contains("pdfaid:part=\"2\""), "PDF/A part 2");
            assertTrue(xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>") || xmp.contains("pdfaid:conformance=\"A\""),
                    "conformance A: accessible (issue #13)");
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked(), "a tagged PDF");
        }
        Path look = Path.of("target", "sample-extract-kk.pdf");
        Files.write(look, pdf); // to look at: pdftoppm -png -r 80 target/sample-extract-kk.pdf target/sample
    }

    @Test
    void longTablesRunOverPagesWithEveryRowAndTheTotalPageCount() throws IOException {
        byte[] pdf = render(400);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 5, "400 rows take several pages: " + pages);
            String text = new PDFTextStripper().getText(document);
            for (int i = 1; i <= 400; i++) {
                assertTrue(text.contains("Өтеу № " + i + " —"), "row " + i);
            }
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(page);
                one.setEndPage(page);
                String onPage = one.getText(document).replaceAll("\\s+", " ");
                assertTrue(onPage.contains("Бет " + page + " / " + pages), "page N of M on page " + page + ": " + onPage);
            }
            assertTrue(text.contains("400.00"), "totals row");
        }
    }

    @Test
    void aLongDocumentIsPdfA2aOnEveryPage() throws Exception {
        assertEquals(List.of(), PdfConformance.failures(render(400), org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_A),
                "veraPDF, PDF/A-2a (tagged), with the page count filled in at the end");
    }

    /** Issue #13: a screen reader gets the structure: PDF/UA-1 as veraPDF checks it (the Matterhorn machine checks). */
    @Test
    void aLongDocumentIsPdfUa1() throws Exception {
        assertEquals(List.of(), PdfConformance.failures(render(400), org.verapdf.pdfa.flavours.PDFAFlavour.PDFUA_1),
                "veraPDF, PDF/UA-1");
    }

    /** Issue #13: an amount of 18 integer digits stays whole in its cell, and a header keeps its words whole. */
    @Test
    void eighteenDigitAmountsAndLongHeadersDoNotBreak() throws IOException {
        String huge = kz.qyzmet.documents.api.Formats.amount(new java.math.BigDecimal("123456789012345678.90"), 2, Language.RU);
        List<Block.Column> columns = List.of(new Block.Column("Время", 2.6f, false), new Block.Column("Запись", 1.3f, false),
                new Block.Column("Вид", 2.2f, false), new Block.Column("Описание", 4.2f, false),
                new Block.Column("Актив", 2.2f, false), new Block.Column("Субсчёт", 1.8f, false),
                new Block.Column("Сумма", 2.4f, true));
        DocumentSpec spec = new DocumentSpec("operations-report", "DEMO-0001", Language.RU, "Отчёт об операциях",
                List.of(Block.Table.of(columns, List.of(List.of("02.12.2026 07:11:58", "4", "Зачисление денег", "Demo", "KZT",
                        "доступно", huge)), null)), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfRenderer().render(spec, new PdfRenderer.Letterhead("АО «Qyzmet Broker»", "г. Алматы", "OR-2026-000001",
                Instant.parse("2026-11-25T10:15:00Z"), "https://localhost:8443/api/v1/documents/verification/x", false), out);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(huge), "the amount on one line: " + text);
            for (String header : List.of("Запись", "Субсчёт", "Описание")) {
                assertTrue(text.contains(header), "the header " + header + " whole: " + text);
            }
        }
    }

    @Test
    void seriesAreTheInitialsOfTheKind() {
        assertEquals("AE", DocumentService.series("account-extract"));
        assertEquals("OR", DocumentService.series("operations-report"));
        assertEquals("CI", DocumentService.series("client-instruction"));
    }
}
