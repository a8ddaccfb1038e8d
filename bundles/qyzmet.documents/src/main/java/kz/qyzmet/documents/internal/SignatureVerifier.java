package kz.qyzmet.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;

import kz.qyzmet.documents.api.SignatureCheck;

/**
 * Checks the signature {@link DocumentSigner} puts on a document: the CMS
 * signature over the signed byte ranges, that those ranges cover the whole
 * file (nothing appended after signing), and that the signer is the broker's
 * document-signing certificate.
 */
final class SignatureVerifier {
    private final X509Certificate broker;

    SignatureVerifier(X509Certificate broker) {
        this.broker = broker;
    }

    SignatureCheck check(byte[] file) {
        PdfDictionary signature;
        try (PdfDocument document = new StructureBlindDocument(new PdfReader(new ByteArrayInputStream(file)))) {
            signature = lastSignature(document);
            if (signature == null) {
                return SignatureCheck.absent();
            }
            return check(file, signature);
        } catch (IOException | RuntimeException notAPdf) {
            // not readable as a PDF at all: nothing signed to speak of
            return SignatureCheck.absent();
        }
    }

    private SignatureCheck check(byte[] file, PdfDictionary signature) {
        PdfArray range = signature.getAsArray(PdfName.ByteRange);
        PdfString contents = signature.getAsString(PdfName.Contents);
        PdfString reason = signature.getAsString(PdfName.Reason);
        String number = reason == null ? null : reason.toUnicodeString();
        if (range == null || range.size() != 4 || contents == null) {
            return new SignatureCheck(SignatureCheck.Status.BROKEN, null, null, number);
        }
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            r[i] = range.getAsNumber(i).longValue();
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes(file, r)), contents.getValueBytes());
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
            if (matches.isEmpty()) {
                return new SignatureCheck(SignatureCheck.Status.BROKEN, null, null, number);
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            String subject = certificate.getSubjectX500Principal().getName();
            String fingerprint = fingerprint(certificate);
            boolean intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            // the signature covers everything but its own value, up to the last byte: no update appended afterwards
            boolean whole = r[0] == 0 && r[2] + r[3] == file.length;
            if (!intact || !whole) {
                return new SignatureCheck(SignatureCheck.Status.BROKEN, subject, fingerprint, number);
            }
            return new SignatureCheck(certificate.equals(broker) ? SignatureCheck.Status.VALID : SignatureCheck.Status.FOREIGN,
                    subject, fingerprint, number);
        } catch (CMSException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            return new SignatureCheck(SignatureCheck.Status.BROKEN, null, null, number);
        }
    }

    private static byte[] signedBytes(byte[] file, long[] range) {
        if (range[0] < 0 || range[1] < 0 || range[2] < 0 || range[3] < 0 || range[0] + range[1] > file.length
                || range[2] + range[3] > file.length) {
            throw new IllegalArgumentException("the byte range lies outside the file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (range[1] + range[3]));
        out.write(file, (int) range[0], (int) range[1]);
        out.write(file, (int) range[2], (int) range[3]);
        return out.toByteArray();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature dictionary of the last signature field, if the file has one. */
    private static PdfDictionary lastSignature(PdfDocument document) {
        PdfDictionary form = document.getCatalog().getPdfObject().getAsDictionary(PdfName.AcroForm);
        PdfArray fields = form == null ? null : form.getAsArray(PdfName.Fields);
        PdfDictionary last = null;
        for (int i = 0; fields != null && i < fields.size(); i++) {
            PdfDictionary field = fields.getAsDictionary(i);
            if (field != null && PdfName.Sig.equals(field.getAsName(PdfName.FT)) && field.getAsDictionary(PdfName.V) != null) {
                last = field.getAsDictionary(PdfName.V);
            }
        }
        return last;
    }
}
