package kz.qyzmet.documents.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.documents.api.PublicRecord;
import kz.qyzmet.documents.api.SignatureCheck;
import kz.qyzmet.documents.api.SigningCertificate;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.documents.api.Verification;
import kz.qyzmet.persistence.api.Database;

/**
 * The verification side of the document store (issue #13): by hash, by the
 * presented bytes and their signature, and by the public token of the QR code;
 * what the public may see of a document; and the record of who verified
 * (journalled when known, counted when anonymous).
 */
final class DocumentLookups {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Database database;
    private final AuditJournal audit;
    private final SignatureVerifier signatures;
    private final X509Certificate certificate;
    private final Supplier<Instant> now;

    DocumentLookups(Database database, AuditJournal audit, SignatureVerifier signatures, X509Certificate certificate,
            Supplier<Instant> now) {
        this.database = database;
        this.audit = audit;
        this.signatures = signatures;
        this.certificate = certificate;
        this.now = now;
    }

    Verification verify(byte[] presented) {
        try {
            return verifyHash(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(presented)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    Verification verifyHash(String sha256) {
        String hash = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            return new Verification(false, hash, null);
        }
        DocumentRow row = database.read(session -> session.getMapper(DocumentMapper.class).findBySha256(hash));
        return new Verification(row != null, hash, row == null ? null : row.toDocument());
    }

    Verification verify(byte[] presented, Caller caller) {
        Verification verification = verify(presented);
        if (caller == null || Caller.ANONYMOUS.equals(caller.identity())) {
            // the public verifies freely: counted per day and outcome, not one journal record each
            database.inTransaction(session -> {
                session.getMapper(DocumentMapper.class).countVerification(
                        LocalDateTime.ofInstant(now.get(), ZoneOffset.UTC).toLocalDate(), verification.genuine() ? "genuine" : "unknown");
                return null;
            });
        } else {
            audit.record(AuditEvent.builder("document.verified", verification.genuine() ? verification.document().number()
                    : "unknown").by(caller).detail("genuine", verification.genuine()).detail("sha256", verification.sha256())
                    .build());
        }
        return verification;
    }

    SignatureCheck verifySignature(byte[] presented) {
        return signatures.check(presented);
    }

    Optional<PublicRecord> lookUp(String verificationToken) {
        if (!VerificationTokens.wellFormed(verificationToken)) {
            return Optional.empty();
        }
        DocumentRow row = database.read(session -> session.getMapper(DocumentMapper.class)
                .findByVerificationToken(verificationToken));
        return Optional.ofNullable(row).map(found -> new PublicRecord(found.number, found.kind, found.title, found.language,
                found.mediaType, found.size, found.sha256, found.issuedAt.toInstant(ZoneOffset.UTC),
                FigureJson.read(found.keyFigures)));
    }

    PublicRecord publicRecord(StoredDocument document) {
        return new PublicRecord(document.number(), document.kind(), document.title(), document.language(),
                document.mediaType(), document.size(), document.sha256(), document.issuedAt(), FigureJson.read(
                        database.read(session -> session.getMapper(DocumentMapper.class).keyFigures(document.id()))));
    }

    Optional<String> verificationToken(String documentId) {
        if (documentId == null || documentId.length() != 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(session -> session.getMapper(DocumentMapper.class).verificationToken(documentId)));
    }

    java.util.List<kz.qyzmet.documents.api.VerificationCount> verificationCounts(java.time.LocalDate from) {
        return database.read(session -> session.getMapper(DocumentMapper.class).verificationCounts(from));
    }

    SigningCertificate signingCertificate() {
        return new SigningCertificate(certificate.getSubjectX500Principal().getName(), SignatureVerifier.fingerprint(certificate));
    }
}
