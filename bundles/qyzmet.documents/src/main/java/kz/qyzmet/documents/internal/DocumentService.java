package kz.qyzmet.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditedChanges;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.documents.api.ContentWriter;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.Figure;
import kz.qyzmet.documents.api.FileSpec;
import kz.qyzmet.documents.api.PublicRecord;
import kz.qyzmet.documents.api.SignatureCheck;
import kz.qyzmet.documents.api.SigningCertificate;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.documents.api.Verification;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;

/**
 * The document store. A document is written to a temporary file while its
 * SHA-256 is counted, then streamed into the database in one insert: neither a
 * large report nor a burst of extracts is ever held whole in memory. Numbers
 * come from a per-kind, per-year series; a number taken by a document whose
 * rendering then failed stays unused (the journal records the failure).
 */
@Component(service = { Documents.class, AuditedChanges.class }, configurationPid = "kz.qyzmet.documents")
@Designate(ocd = DocumentsConfiguration.class)
public class DocumentService implements Documents, AuditedChanges {
    private static final Pattern KIND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Database database;
    private final AuditJournal audit;
    private final DocumentsConfiguration config;
    private final PdfRenderer renderer = new PdfRenderer();
    private final DocumentSigner signer;
    private final DocumentLookups lookups;
    /** Dev and demo mode (rules §4): every PDF says it is the training version's, never the broker's. */
    private final boolean demo;

    /** Dynamic and greedy: a test's clock with a higher ranking takes over. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    @Activate
    public DocumentService(@Reference Persistence persistence, @Reference AuditJournal audit, BundleContext context,
            DocumentsConfiguration config) throws IOException {
        this.database = persistence.open(context.getBundle(), "documents", DocumentMapper.class);
        this.audit = audit;
        this.config = config;
        this.signer = SigningKeys.signer(config, context.getProperty(DATA_DIR));
        String mode = context.getProperty("qyzmet.mode");
        this.demo = "dev".equals(mode) || "demo".equals(mode);
        this.lookups = new DocumentLookups(database, audit, new SignatureVerifier(signer.certificate()), signer.certificate(),
                this::now);
        RendererWarmUp.start(renderer, signer, new PdfRenderer.Letterhead(brokerName(Language.KK), brokerDetails(Language.KK),
                RendererWarmUp.NUMBER, Instant.now(), verificationUrlOf(VerificationTokens.next()), demo));
    }

    static final String DATA_DIR = "qyzmet.data.dir";

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public StoredDocument issue(DocumentSpec spec, Caller caller) {
        return issue(spec, List::of, caller);
    }

    @Override
    public StoredDocument issue(DocumentSpec spec, Supplier<List<Figure>> keyFigures, Caller caller) {
        DocumentRow row = newRow(spec.kind(), spec.ownerClientId(), spec.language(), spec.title(), "application/pdf", "pdf",
                spec.instructionId());
        PdfRenderer.Letterhead head = new PdfRenderer.Letterhead(brokerName(spec.language()), brokerDetails(spec.language()),
                row.number, row.issuedAt.toInstant(ZoneOffset.UTC), verificationUrlOf(row.verificationToken), demo);
        return store(row, out -> renderer.render(spec, head, out), keyFigures, caller, true);
    }

    @Override
    public StoredDocument issue(FileSpec spec, ContentWriter content, Caller caller) {
        return issue(spec, content, List::of, caller);
    }

    @Override
    public StoredDocument issue(FileSpec spec, ContentWriter content, Supplier<List<Figure>> keyFigures, Caller caller) {
        DocumentRow row = newRow(spec.kind(), spec.ownerClientId(), spec.language(), spec.title(), spec.mediaType(),
                spec.extension(), spec.instructionId());
        return store(row, content, keyFigures, caller, false);
    }

    private DocumentRow newRow(String kind, String owner, Language language, String title, String mediaType,
            String extension, String instructionId) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("document kind must be lower-case words joined by '-': " + kind);
        }
        Instant now = now();
        DocumentRow row = new DocumentRow();
        row.id = UUID.randomUUID().toString();
        row.kind = kind;
        row.ownerClientId = owner;
        row.title = title.length() > 300 ? title.substring(0, 300) : title;
        row.language = language.tag();
        row.mediaType = mediaType;
        row.instructionId = instructionId;
        row.issuedAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        row.number = nextNumber(row);
        row.fileName = row.number + "." + extension;
        row.verificationToken = VerificationTokens.next();
        return row;
    }

    /** {@code account-extract} → series {@code AE}: the initials of the kind's words. */
    static String series(String kind) {
        StringBuilder series = new StringBuilder();
        for (String word : kind.split("-")) {
            series.append(Character.toUpperCase(word.charAt(0)));
        }
        return series.toString();
    }

    /**
     * The next number of the kind's series. A number is printed on the document, so it is
     * taken before the document is rendered; one that is then never issued (a failed
     * render, a node that died meanwhile) would be a silent gap. So every number taken is
     * journalled with what it was taken for, in the transaction that takes it, and a failed
     * issue journals why ({@code document.failed}): every gap in a series is accounted for.
     */
    private String nextNumber(DocumentRow row) {
        String series = series(row.kind);
        int year = row.issuedAt.getYear();
        return database.inTransaction(session -> {
            DocumentMapper mapper = session.getMapper(DocumentMapper.class);
            mapper.nextNumber(series, year);
            String number = String.format(Locale.ROOT, "%s-%d-%06d", series, year, mapper.lastNumber());
            audit.record(AuditEvent.builder("document.number.reserved", number).detail("kind", row.kind)
                    .detail("owner", row.ownerClientId).detail("instruction", row.instructionId).detail("node", NODE).build());
            return number;
        });
    }

    /** The node that reserved a number, for the account of a gap. */
    private static final String NODE = node();

    private static String node() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (java.io.IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }

    /**
     * Writes the document to a temporary file while its SHA-256 is counted — a PDF
     * first unsigned, then signed into the file that is stored — and stores it with
     * its record in one transaction.
     */
    private StoredDocument store(DocumentRow row, ContentWriter content, Supplier<List<Figure>> keyFigures, Caller caller,
            boolean signed) {
        Path file = null;
        Path unsigned = null;
        try {
            file = Files.createTempFile("qyzmet-document-", ".tmp");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            if (signed) {
                unsigned = Files.createTempFile("qyzmet-document-", ".unsigned");
                try (OutputStream out = Files.newOutputStream(unsigned)) {
                    content.write(out);
                }
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                    signer.sign(unsigned, out, row.number, row.issuedAt.toInstant(ZoneOffset.UTC));
                }
            } else {
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                    content.write(out);
                }
            }
            row.size = Files.size(file);
            row.sha256 = HexFormat.of().formatHex(sha256.digest());
            row.keyFigures = FigureJson.write(keyFigures.get());
            Path written = file;
            database.inTransaction(session -> {
                DocumentMapper mapper = session.getMapper(DocumentMapper.class);
                mapper.insert(row, caller.identity());
                try (InputStream in = Files.newInputStream(written)) {
                    int part = 0;
                    for (byte[] bytes = in.readNBytes(PART_SIZE); bytes.length > 0; bytes = in.readNBytes(PART_SIZE)) {
                        mapper.insertPart(row.id, part++, bytes);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                // the document and its record commit together (§45.1, §45.4)
                audit.record(AuditEvent.builder("document.issued", row.number).by(caller).detail("id", row.id)
                        .detail("kind", row.kind).detail("owner", row.ownerClientId).detail("instruction", row.instructionId)
                        .detail("mediaType", row.mediaType).detail("size", row.size).detail("sha256", row.sha256).build());
                return null;
            });
        } catch (IOException | RuntimeException | NoSuchAlgorithmException failure) {
            audit.record(AuditEvent.builder("document.failed", row.number).by(caller).detail("kind", row.kind)
                    .detail("owner", row.ownerClientId).detail("reason", failure.getClass().getSimpleName()).build());
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        } finally {
            deleteQuietly(file);
            deleteQuietly(unsigned);
        }
        return row.toDocument();
    }

    /**
     * The most bytes one statement carries (V4: far below any server's max_allowed_packet), and small
     * enough that a part's buffer is an ordinary young object, not a humongous one in the old generation.
     */
    static final int PART_SIZE = 1 << 19;

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the launcher's temporary directory is emptied at every start
            }
        }
    }

    @Override
    public String name() {
        return "issued documents";
    }

    /** Every stored document needs its {@code document.issued} record (§45.1, §45.4). */
    @Override
    public void forEach(java.util.function.Consumer<AuditedChanges.Expected> sink) {
        database.read(session -> {
            session.getMapper(DocumentMapper.class).numbers(context -> sink.accept(new AuditedChanges.Expected(
                    context.getResultObject(), "document.issued", "document " + context.getResultObject())));
            return null;
        });
    }

    @Override
    public Optional<StoredDocument> find(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(session -> session.getMapper(DocumentMapper.class).find(id)))
                .map(DocumentRow::toDocument);
    }

    @Override
    public Optional<StoredDocument> findByNumber(String number) {
        if (number == null || number.length() > 40) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(session -> session.getMapper(DocumentMapper.class).findByNumber(number)))
                .map(DocumentRow::toDocument);
    }

    @Override
    public List<StoredDocument> ofClient(String clientId, int limit) {
        return database.read(session -> session.getMapper(DocumentMapper.class).ofClient(clientId,
                Math.max(1, Math.min(limit, 500)))).stream().map(DocumentRow::toDocument).toList();
    }

    @Override
    public void copyContent(String id, OutputStream out) throws IOException {
        DocumentMapper.ContentRow row = database.read(session -> session.getMapper(DocumentMapper.class).content(id));
        if (row == null) {
            throw new IllegalArgumentException("no document " + id);
        }
        if (row.content != null) {
            out.write(row.content); // stored before the bytes were kept in parts
            return;
        }
        // a part at a time, each its own short read: a slow download holds no connection and one part of memory
        for (int part = 0;; part++) {
            int index = part;
            DocumentMapper.ContentRow bytes = database.read(session -> session.getMapper(DocumentMapper.class).part(id, index));
            if (bytes == null) {
                return;
            }
            out.write(bytes.content);
        }
    }

    @Override
    public Verification verify(byte[] presented) {
        return lookups.verify(presented);
    }

    @Override
    public Verification verifyHash(String sha256) {
        return lookups.verifyHash(sha256);
    }

    @Override
    public Verification verify(byte[] presented, Caller caller) {
        return lookups.verify(presented, caller);
    }

    @Override
    public SignatureCheck verifySignature(byte[] presented) {
        return lookups.verifySignature(presented);
    }

    @Override
    public Optional<PublicRecord> lookUp(String verificationToken) {
        return lookups.lookUp(verificationToken);
    }

    @Override
    public Optional<PublicRecord> publicRecord(String documentId) {
        return find(documentId).map(lookups::publicRecord);
    }

    @Override
    public Optional<String> verificationUrl(String documentId) {
        return lookups.verificationToken(documentId).map(this::verificationUrlOf);
    }

    @Override
    public SigningCertificate signingCertificate() {
        return lookups.signingCertificate();
    }

    @Override
    public List<kz.qyzmet.documents.api.VerificationCount> verificationCounts(java.time.LocalDate from) {
        return lookups.verificationCounts(from);
    }

    @Override
    public java.util.Map<String, String> verificationUrls(java.util.Collection<String> documentIds) {
        java.util.Map<String, String> urls = new java.util.HashMap<>();
        if (documentIds.isEmpty()) {
            return urls;
        }
        // one query for a whole list, not one per document
        for (DocumentRow row : database.read(session -> session.getMapper(DocumentMapper.class).verificationTokens(documentIds))) {
            urls.put(row.id, verificationUrlOf(row.verificationToken));
        }
        return urls;
    }

    /** Where a document's QR code leads: the public verification page of the web front ends (issue #14). */
    static final String PAGE_PATH = "/verify/";

    /**
     * The verification page's address: the site the public base URL of the API belongs to (without its
     * {@code api/v1/}), then {@code verify/<token>}.
     */
    String verificationUrlOf(String token) {
        String base = config.public_base_url().endsWith("/") ? config.public_base_url() : config.public_base_url() + "/";
        String site = base.endsWith("api/v1/") ? base.substring(0, base.length() - "api/v1/".length()) : base;
        return site + PAGE_PATH.substring(1) + token;
    }

    private String brokerName(Language language) {
        return switch (language) {
        case KK -> config.broker_name_kk();
        case RU -> config.broker_name_ru();
        case EN -> config.broker_name_en();
        };
    }

    private String brokerDetails(Language language) {
        return switch (language) {
        case KK -> config.broker_details_kk();
        case RU -> config.broker_details_ru();
        case EN -> config.broker_details_en();
        };
    }
}
