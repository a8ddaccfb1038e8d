package kz.qyzmet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsKeystoreTest {

    /** Rules §37: an RSA certificate signed with SHA-256 (PKCS#1). */
    @Test
    void generatesAnRsa2048Sha256CertificateOnceAndKeepsIt(@TempDir Path directory) throws Exception {
        TlsKeystore.Keystore created = TlsKeystore.selfSigned(directory, "broker.example");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(created.file())) {
            store.load(in, created.password().toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(TlsKeystore.ALIAS);
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals(2048, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
        assertTrue(certificate.getSubjectX500Principal().getName().contains("CN=broker.example"));
        certificate.checkValidity();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created.file())));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("keystore.password"))));

        TlsKeystore.Keystore again = TlsKeystore.selfSigned(directory, "broker.example");
        assertEquals(created.password(), again.password(), "a restart keeps the certificate");
    }
}
