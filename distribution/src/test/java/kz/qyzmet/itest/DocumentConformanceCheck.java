package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF, the PDF Association's reference validator, on one PDF of every
 * document kind the platform issued during the ITs, signed as a client gets it
 * (issue #13): each must be PDF/A-2a (archival and tagged) and PDF/UA-1
 * (accessible). It runs in its own failsafe execution after the ITs and outside
 * the framework (veraPDF is not an OSGi bundle); the ITs keep the files with
 * {@link ItSupport#keepIssuedPdf}. In a full run every kind must be there; a run
 * of chosen ITs ({@code -Dit.test}) checks the kinds those issued.
 */
public class DocumentConformanceCheck {
    static final String DIRECTORY = "issued-documents";
    /** Every kind of PDF the platform's own services issue. */
    static final Set<String> KINDS = Set.of("account-extract", "operations-report", "audit-confirmation",
            "depository-extract", "account-opening-notice", "client-instruction", "claim-rights-notice", "w8ben-form", "account-certificate",
            // issue #17: the register of deals, the IPO allotment notice, and the extract with its market-value table
            "deal-register", "ipo-allotment", "account-extract-market-values");

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    public void everyKindOfDocumentIsPdfA2aAndPdfUa1() throws Exception {
        Path directory = Path.of(System.getProperty("qyzmet.it.target"), DIRECTORY);
        Set<String> kept = new TreeSet<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pdf"))
                        .forEach(name -> kept.add(name.substring(0, name.length() - 4)));
            }
        }
        String selection = System.getProperty("qyzmet.it.selection", "");
        if (selection.isBlank() || selection.startsWith("${")) {
            assertEquals("a full run issues every kind of document", new TreeSet<>(KINDS), kept);
        }
        List<String> failures = new ArrayList<>();
        for (String kind : kept) {
            byte[] pdf = Files.readAllBytes(directory.resolve(kind + ".pdf"));
            for (PDFAFlavour flavour : List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1)) {
                for (String failure : failures(pdf, flavour)) {
                    failures.add(kind + " " + flavour.getId() + " " + failure);
                }
            }
        }
        assertTrue("veraPDF: " + String.join("\n", failures), failures.isEmpty());
    }

    private static List<String> failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream().filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + ": " + assertion.getMessage()).distinct().toList();
        }
    }
}
