package kz.qyzmet.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.common.api.OwnerOnlyFiles;

/**
 * The broker's document-signing key: the keystore the operator configured
 * ({@code QYZMET_DOCUMENTS_SIGNING_KEYSTORE}, its password and alias), or — when
 * none is configured — a self-signed EC P-256 key generated once into the data
 * directory ({@code documents/signing.p12}, its password beside it, both
 * readable by the owner only). A generated certificate proves integrity, not
 * who issued the document to an outside reader; production configures the
 * broker's own certificate.
 */
final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    static final String GENERATED_ALIAS = "qyzmet-documents";

    private SigningKeys() {
    }

    static DocumentSigner signer(DocumentsConfiguration config, String dataDir) throws IOException {
        try {
            String configured = config.signing_keystore();
            if (configured != null && !configured.isBlank()) {
                return load(Path.of(configured), config.signing_keystore_type(), secret(config.signing_keystore_password()),
                        config.signing_key_alias(), config.broker_name_en());
            }
            Path directory = Path.of(dataDir == null ? "data" : dataDir, "documents");
            Path store = directory.resolve("signing.p12");
            Path password = directory.resolve("signing.password");
            if (!Files.exists(store)) {
                generate(store, password, config.broker_name_en());
                LOG.warn("documents are signed with a generated self-signed certificate ({}); configure the broker's own"
                        + " with QYZMET_DOCUMENTS_SIGNING_KEYSTORE for production", store);
            }
            return load(store, "PKCS12", Files.readString(password, StandardCharsets.UTF_8).strip().toCharArray(),
                    GENERATED_ALIAS, config.broker_name_en());
        } catch (GeneralSecurityException e) {
            throw new IOException("the document-signing key cannot be read: " + e.getMessage(), e);
        }
    }

    private static char[] secret(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    static DocumentSigner load(Path file, String type, char[] password, String alias, String signerName)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? "PKCS12" : type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        String name = alias == null || alias.isBlank() ? firstKey(store) : alias;
        if (!(store.getKey(name, password) instanceof PrivateKey key)) {
            throw new GeneralSecurityException(file + " holds no private key named " + name);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain(name)) {
            chain.add((X509Certificate) certificate);
        }
        return new DocumentSigner(key, chain, signerName);
    }

    private static String firstKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new GeneralSecurityException("the keystore holds no key");
    }

    /** A self-signed certificate for document signing: digital signature and non-repudiation only. */
    static void generate(Path store, Path passwordFile, String brokerName) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, brokerName + " document signing")
                .addRDN(BCStyle.O, brokerName).addRDN(BCStyle.C, "KZ").build();
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(GENERATED_ALIAS, pair.getPrivate(), password, new Certificate[] { certificate });
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            keyStore.store(bytes, password);
            // the password first: a store without its password would be useless after a crash in between
            OwnerOnlyFiles.write(passwordFile, new String(password).getBytes(StandardCharsets.UTF_8));
            OwnerOnlyFiles.write(store, bytes.toByteArray());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("the signing certificate could not be made", e);
        }
    }
}
