package kz.qyzmet.service.sourceoffunds.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.uploads.api.FileType;
import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Migrations;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.sourceoffunds.api.ApprovedSource;
import kz.qyzmet.sourceoffunds.api.SourceOfFunds;

/**
 * The source-of-funds records (issue #15, §16): evidence files kept as uploaded
 * with their SHA-256, the clients' confirmed statements, and staff's decision on
 * each, every row written once with its audit record in the same transaction.
 * A client's history is their statements with their decisions; what counts for a
 * withdrawal is an approval still within its validity ({@link SourceOfFunds}).
 */
@Header(name = Migrations.SCHEMA_HEADER, value = SourceOfFundsRecords.SCHEMA)
@Component(service = { SourceOfFundsRecords.class, SourceOfFunds.class }, configurationPid = SourceOfFundsRecords.PID)
@Designate(ocd = SourceOfFundsConfiguration.class)
public class SourceOfFundsRecords implements SourceOfFunds {
    static final String SCHEMA = "source_of_funds";
    static final String PID = "kz.qyzmet.sourceoffunds";
    /** Bytes per stored part: far below any server's max_allowed_packet. */
    private static final int PART_BYTES = 1 << 20;

    private final Database database;
    private final AuditJournal audit;
    private final SourceOfFundsConfiguration configuration;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    @Activate
    public SourceOfFundsRecords(@Reference Persistence persistence, @Reference AuditJournal audit,
            SourceOfFundsConfiguration configuration, BundleContext context) {
        this.database = persistence.open(context.getBundle(), SCHEMA, SourceOfFundsMapper.class);
        this.audit = audit;
        this.configuration = configuration;
    }

    SourceOfFundsConfiguration configuration() {
        return configuration;
    }

    Instant now() {
        return clock.instant();
    }

    /** Refuses at once a declared length the limit does not allow (before the body is read). */
    void admitLength(long declared) {
        if (declared > configuration.max_file_bytes()) {
            throw tooLarge();
        }
    }

    /**
     * Keeps an uploaded file for the client: refused when larger than the limit
     * (413), when the client uploaded their day's number of files (429), or when
     * it is not a PDF, JPEG or PNG by its bytes or its name or declared type
     * disguise it (415).
     */
    EvidenceRow upload(String clientId, byte[] bytes, String fileName, String declaredType, Caller caller) {
        if (bytes.length == 0) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(
                    "Файлды сұрау денесінде жіберіңіз.", "Отправьте файл в теле запроса.", "Send the file as the request body."),
                    Map.of("field", "body"), Map.of());
        }
        if (bytes.length > configuration.max_file_bytes()) {
            throw tooLarge();
        }
        FileType type = FileType.check(bytes, fileName, declaredType);
        Instant now = now();
        return database.inTransaction(db -> {
            SourceOfFundsMapper records = db.getMapper(SourceOfFundsMapper.class);
            if (records.uploadedSince(clientId, utc(now.truncatedTo(ChronoUnit.DAYS))) >= configuration.files_per_day()) {
                throw new ProblemException(429, CommonProblems.TOO_MANY_REQUESTS, LocalizedText.of(
                        "Бүгін {limit} файл жүктелді: ертең қайталаңыз.",
                        "Сегодня загружено уже {limit} файлов: повторите завтра.",
                        "{limit} files were uploaded today already: try again tomorrow.")
                        .format(Map.of("limit", configuration.files_per_day())), Map.of(), Map.of());
            }
            EvidenceRow row = new EvidenceRow();
            row.id = UUID.randomUUID().toString();
            row.clientId = clientId;
            row.fileName = type.fileName(fileName, "evidence");
            row.mediaType = type.mediaType();
            row.size = bytes.length;
            row.sha256 = sha256(bytes);
            row.uploadedBy = caller.identity();
            row.uploadedAt = utc(now);
            records.insertEvidence(row);
            for (int part = 0, from = 0; from < bytes.length; part++, from += PART_BYTES) {
                records.insertPart(row.id, part, Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + PART_BYTES)));
            }
            audit.record(AuditEvent.builder("sourceoffunds.evidence.uploaded", row.id).by(caller).detail("client", clientId)
                    .detail("sha256", row.sha256).detail("size", row.size).detail("mediaType", row.mediaType).build());
            return row;
        });
    }

    Optional<EvidenceRow> evidence(String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(db -> db.getMapper(SourceOfFundsMapper.class).evidence(id)));
    }

    /** The statement the file is attached to, if any. */
    Optional<String> attachedTo(String evidenceId) {
        return Optional.ofNullable(database.read(db -> db.getMapper(SourceOfFundsMapper.class).attachedTo(evidenceId)));
    }

    List<EvidenceRow> evidenceOf(String instructionId) {
        return database.read(db -> db.getMapper(SourceOfFundsMapper.class).evidenceOf(instructionId));
    }

    /** Copies a file's bytes as uploaded, part by part. */
    void copy(EvidenceRow evidence, OutputStream out) throws IOException {
        long written = 0;
        for (int part = 0; written < evidence.size; part++) {
            int index = part;
            SourceOfFundsMapper.Part found = database.read(db -> db.getMapper(SourceOfFundsMapper.class).part(evidence.id, index));
            byte[] bytes = found == null ? null : found.bytes;
            if (bytes == null || bytes.length == 0) {
                throw new IOException("evidence " + evidence.id + " misses part " + part);
            }
            out.write(bytes);
            written += bytes.length;
        }
    }

    /** Journals that staff opened a client's evidence (personal data was shown). */
    void viewed(EvidenceRow evidence, Caller caller) {
        audit.record(AuditEvent.builder("sourceoffunds.evidence.viewed", evidence.id).by(caller)
                .detail("client", evidence.clientId).detail("sha256", evidence.sha256).build());
    }

    /**
     * The client's confirmed statement with its files, in the instruction's
     * transaction; a file already attached to another statement fails the
     * whole statement (the database's unique key, re-checked in the draft).
     */
    void submit(Instruction instruction, SourceOfFundsService.Request request, List<String> evidenceIds, Caller caller) {
        database.inTransaction(db -> {
            SourceOfFundsMapper records = db.getMapper(SourceOfFundsMapper.class);
            StatementRow row = new StatementRow();
            row.instructionId = instruction.id();
            row.instructionNo = instruction.number();
            row.clientId = instruction.clientId();
            row.kind = request.kind();
            row.amount = request.amount();
            row.currency = request.currency();
            row.description = request.description();
            row.submittedAt = utc(now());
            records.insertStatement(row);
            evidenceIds.forEach(evidence -> records.attach(instruction.id(), evidence));
            audit.record(AuditEvent.builder("sourceoffunds.submitted", instruction.id()).by(caller)
                    .detail("client", row.clientId).detail("kind", row.kind).detail("amount", row.amount.toPlainString())
                    .detail("currency", row.currency).detail("evidence", String.join(",", evidenceIds)).build());
            return null;
        });
    }

    /**
     * Staff's decision (or the client's cancellation), once per statement, in
     * the transaction of the instruction's move: an approval counts until
     * {@code valid_days} after it.
     */
    void decide(String instructionId, Outcome outcome, LocalizedText reason, Caller caller) {
        database.inTransaction(db -> {
            SourceOfFundsMapper records = db.getMapper(SourceOfFundsMapper.class);
            if (records.lock(instructionId) == null) {
                throw new IllegalStateException("no source-of-funds statement of instruction " + instructionId);
            }
            StatementRow existing = records.statement(instructionId);
            if (existing.outcome != null) {
                throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of("Өтініш бойынша шешім қабылданған.",
                        "Решение по заявлению уже принято.", "The statement has been decided already."),
                        Map.of("outcome", existing.outcome), Map.of());
            }
            Instant now = now();
            StatementRow decision = new StatementRow();
            decision.instructionId = instructionId;
            decision.outcome = outcome.name();
            decision.reasonKk = reason == null ? null : reason.kk();
            decision.reasonRu = reason == null ? null : reason.ru();
            decision.reasonEn = reason == null ? null : reason.en();
            decision.decidedBy = caller.identity();
            decision.decidedAt = utc(now);
            decision.validUntil = outcome == Outcome.APPROVED ? utc(now.plus(configuration.valid_days(), ChronoUnit.DAYS)) : null;
            records.insertDecision(decision);
            audit.record(AuditEvent.builder("sourceoffunds." + outcome.name().toLowerCase(java.util.Locale.ROOT), instructionId)
                    .by(caller).detail("client", existing.clientId).detail("validUntil", decision.validUntil == null ? null
                            : decision.validUntil.toInstant(ZoneOffset.UTC).toString()).build());
            return null;
        });
    }

    /** How a statement ends. */
    enum Outcome {
        APPROVED, REJECTED, CANCELLED
    }

    Optional<StatementRow> statement(String instructionId) {
        return Optional.ofNullable(database.read(db -> db.getMapper(SourceOfFundsMapper.class).statement(instructionId)));
    }

    /** The client's statements with their decisions, newest first. */
    List<StatementRow> history(String clientId, int limit) {
        return database.read(db -> db.getMapper(SourceOfFundsMapper.class).ofClient(clientId, Math.max(1, Math.min(limit, 500))));
    }

    /** Statements waiting for staff's decision, the oldest first. */
    List<StatementRow> undecided(int limit) {
        return database.read(db -> db.getMapper(SourceOfFundsMapper.class).undecided(Math.max(1, Math.min(limit, 500))));
    }

    @Override
    public List<ApprovedSource> approved(String clientId, Instant at) {
        return database.read(db -> db.getMapper(SourceOfFundsMapper.class).approved(clientId, utc(at))).stream()
                .map(row -> new ApprovedSource(row.instructionId, row.instructionNo, row.kind, row.amount.stripTrailingZeros(),
                        row.currency, row.decidedAt.toInstant(ZoneOffset.UTC), row.decidedBy,
                        row.validUntil.toInstant(ZoneOffset.UTC)))
                .toList();
    }

    private ProblemException tooLarge() {
        long limit = configuration.max_file_bytes();
        String megabytes = limit % (1 << 20) == 0 ? (limit >> 20) + " MiB" : limit % 1024 == 0 ? (limit >> 10) + " KiB"
                : limit + " B";
        return new ProblemException(413, CommonProblems.PAYLOAD_TOO_LARGE, LocalizedText.of(
                "Файл тым үлкен: ең көбі {limit}.", "Файл слишком большой: не более {limit}.",
                "The file is too large: {limit} at most.").format(Map.of("limit", megabytes)), Map.of("limit", limit), Map.of());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
