package kz.qyzmet.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.signatures.IExternalSignatureContainer;

/**
 * The CMS signature of a PAdES baseline B-B signature (ETSI EN 319 142-1):
 * detached SHA-256 over the signed byte ranges, the signer's certificate and
 * the {@code signing-certificate-v2} attribute that binds it, and no
 * {@code signing-time} attribute (PAdES keeps the time in the signature
 * dictionary). Written with Bouncy Castle's CMS generator; the byte ranges are
 * streamed through it once, never held whole.
 */
final class CadesContainer implements IExternalSignatureContainer {
    static final PdfName ETSI_CADES_DETACHED = new PdfName("ETSI.CAdES.detached");

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    CadesContainer(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    @Override
    public void modifySigningDictionary(PdfDictionary signature) {
        signature.put(PdfName.Filter, PdfName.Adobe_PPKLite);
        signature.put(PdfName.SubFilter, ETSI_CADES_DETACHED);
    }

    @Override
    public byte[] sign(InputStream ranges) throws GeneralSecurityException {
        try {
            X509Certificate signer = chain.get(0);
            ESSCertIDv2 certificateId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(signer.getEncoded()));
            AttributeTable signedAttributes = new AttributeTable(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(certificateId))));
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(signedAttributes);
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime))
                    .build(new JcaContentSignerBuilder(algorithm(key)).build(key), signer);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new StreamedContent(ranges), false).getEncoded("DER");
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new GeneralSecurityException("the document's signature could not be made", e);
        }
    }

    static String algorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
        case "EC", "ECDSA" -> "SHA256withECDSA";
        case "RSA" -> "SHA256withRSA";
        default -> throw new IllegalArgumentException("signing keys are RSA or EC, not " + key.getAlgorithm());
        };
    }

    /** The signed byte ranges, read once as the generator digests them. */
    private static final class StreamedContent implements CMSTypedData {
        private final InputStream ranges;

        StreamedContent(InputStream ranges) {
            this.ranges = ranges;
        }

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            ranges.transferTo(out);
        }

        @Override
        public Object getContent() {
            return ranges;
        }
    }
}
