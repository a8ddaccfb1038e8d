package kz.qyzmet.documents.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.SignerProperties;

/**
 * Signs every PDF the platform issues with the broker's key (PAdES baseline
 * B-B, issue #13): an invisible signature over the whole file, appended as an
 * incremental update so the PDF/A-2u document stays as rendered. The signature
 * names the document's number, so a valid signature on a file vouches for that
 * number; any reader shows a changed byte as a broken signature.
 */
final class DocumentSigner {
    /** Room for the CMS object: a certificate chain of a few certificates and one signature. */
    private static final int SIGNATURE_SIZE = 16_384;

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String signerName;

    DocumentSigner(PrivateKey key, List<X509Certificate> chain, String signerName) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.signerName = signerName;
    }

    /** The certificate documents are signed with (the first of the chain). */
    X509Certificate certificate() {
        return chain.get(0);
    }

    /** Writes {@code unsigned}, signed, to {@code out}. */
    void sign(Path unsigned, OutputStream out, String number, Instant issuedAt) throws IOException {
        try (PdfReader reader = new PdfReader(unsigned.toFile())) {
            Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            at.setTimeInMillis(issuedAt.toEpochMilli());
            // the interim output goes to a file beside the unsigned one, not to memory: a large report is tens of MB
            PdfSigner signer = new PdfSigner(reader, out, unsigned.toString() + ".signing",
                    new StampingProperties().useAppendMode()) {
                @Override
                protected PdfDocument initDocument(PdfReader source, PdfWriter writer, StampingProperties properties) {
                    // the structure tree is left as it is: reading it would cost the heap a large report's tags
                    return new StructureBlindDocument(source, writer, properties);
                }
            };
            signer.setSignerProperties(new SignerProperties().setFieldName("Signature-" + number)
                    .setReason(number).setLocation(signerName).setClaimedSignDate(at)
                    .setSignatureCreator("Qyzmet"));
            signer.signExternalContainer(new CadesContainer(key, chain), SIGNATURE_SIZE);
        } catch (GeneralSecurityException e) {
            throw new IOException("document " + number + " could not be signed", e);
        } finally {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(unsigned + ".signing")); // iText removes it when it succeeds
        }
    }
}
