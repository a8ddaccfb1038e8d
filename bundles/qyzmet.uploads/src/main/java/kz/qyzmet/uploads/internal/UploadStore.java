package kz.qyzmet.uploads.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.ProblemType;
import kz.qyzmet.jobs.api.Job;
import kz.qyzmet.jobs.api.JobContext;
import kz.qyzmet.jobs.api.JobResult;
import kz.qyzmet.jobs.api.JobWorker;
import kz.qyzmet.jobs.api.Jobs;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.uploads.api.FileType;
import kz.qyzmet.uploads.api.Upload;
import kz.qyzmet.uploads.api.Uploads;

/**
 * The uploads store (issue 16): a file checked by its bytes is kept in 1 MiB
 * parts with its SHA-256, journalled in the same transaction; for a purpose with
 * a retention, a platform job waits (by the platform's clock) until the
 * retention ends, then records the purge and deletes the content — the record
 * of what was uploaded stays, and the database refuses deleting content without
 * a purge record.
 */
@Component(service = { Uploads.class, JobWorker.class }, property = JobWorker.KIND_PROPERTY + "=" + UploadStore.RETENTION_JOB,
        configurationPid = "kz.qyzmet.uploads")
@Designate(ocd = UploadsConfiguration.class)
public class UploadStore implements Uploads, JobWorker {
    static final String RETENTION_JOB = "upload-retention";
    static final int PART_BYTES = 1024 * 1024;
    static final ProblemType CONTENT_DELETED = new ProblemType("uploads/content-deleted", LocalizedText.of(
            "Файлдың мазмұны жойылған", "Содержимое файла удалено", "The file's content was deleted"));

    @Reference
    private Persistence persistence;

    @Reference
    private AuditJournal audit;

    @Reference
    private Jobs jobs;

    /** Dynamic and greedy: a test (or an operator's time source) with a higher ranking takes over without a restart. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    private Database database;
    private UploadsConfiguration configuration;
    private Map<String, Integer> retention;

    @Activate
    void activate(UploadsConfiguration configuration, BundleContext context) {
        this.configuration = configuration;
        this.retention = RetentionDays.parse(configuration.retention_days());
        this.database = persistence.open(context.getBundle(), "uploads", UploadsMapper.class);
    }

    @Override
    public long maxFileBytes() {
        return configuration.max_file_bytes();
    }

    @Override
    public Upload keep(String clientId, String purpose, byte[] bytes, String fileName, String declaredType, Caller caller) {
        if (bytes.length > configuration.max_file_bytes()) {
            throw new ProblemException(413, CommonProblems.PAYLOAD_TOO_LARGE, LocalizedText.of(
                    "Файл {max} МиБ-тан үлкен.", "Файл больше {max} МиБ.", "The file is larger than {max} MiB.")
                    .format(Map.of("max", String.valueOf(configuration.max_file_bytes() / (1024 * 1024)))));
        }
        FileType type = FileType.check(bytes, fileName, declaredType);
        Instant now = clock.instant();
        UploadRow row = new UploadRow();
        row.id = UUID.randomUUID().toString();
        row.clientId = clientId;
        row.purpose = purpose;
        row.mediaType = type.mediaType();
        row.fileName = type.fileName(fileName, purpose);
        row.size = bytes.length;
        row.sha256 = sha256(bytes);
        row.keptAt = utc(now);
        Integer days = retention.get(purpose);
        row.keepUntil = days == null ? null : utc(now.plus(Duration.ofDays(days)));
        database.inTransaction(session -> {
            UploadsMapper mapper = session.getMapper(UploadsMapper.class);
            if (mapper.countSince(clientId, utc(now.minus(Duration.ofDays(1)))) >= configuration.files_per_day()) {
                throw new ProblemException(429, CommonProblems.TOO_MANY_REQUESTS, LocalizedText.of(
                        "Бір тәулікте тым көп файл жүктелді. Ертең қайталаңыз.", "За сутки загружено слишком много файлов. Повторите завтра.",
                        "Too many files were uploaded in a day. Try again tomorrow."), Map.of(), Map.of("Retry-After", "86400"));
            }
            mapper.insert(row);
            for (int offset = 0, part = 0; offset < bytes.length; offset += PART_BYTES, part++) {
                mapper.insertPart(row.id, part, Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + PART_BYTES)));
            }
            audit.record(AuditEvent.builder("upload.kept", row.id).by(caller).detail("client", clientId).detail("purpose", purpose)
                    .detail("sha256", row.sha256).detail("size", row.size).detail("mediaType", row.mediaType)
                    .detail("keepUntil", row.keepUntil == null ? null : row.keepUntil.toString()).build());
            if (row.keepUntil != null) {
                jobs.enqueue(RETENTION_JOB, row.id, Map.of("purpose", purpose));
            }
            return null;
        });
        return view(row);
    }

    @Override
    public Optional<Upload> find(String id) {
        return Optional.ofNullable(id == null ? null : database.read(session -> session.getMapper(UploadsMapper.class).find(id)))
                .map(UploadStore::view);
    }

    @Override
    public void copyContent(String id, OutputStream out, Caller viewer) throws IOException {
        Upload upload = find(id).orElseThrow(() -> new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of(
                "Файл табылмады.", "Файл не найден.", "No such file.")));
        if (upload.purged()) {
            throw new ProblemException(410, CONTENT_DELETED, LocalizedText.of(
                    "Файлдың сақтау мерзімі аяқталып, мазмұны {at} жойылды; оның SHA-256 сақталды.",
                    "Срок хранения файла истёк, содержимое удалено {at}; его SHA-256 сохранён.",
                    "The file's retention ended and its content was deleted on {at}; its SHA-256 is kept.")
                    .format(Map.of("at", upload.purgedAt().toString())), Map.of("sha256", upload.sha256()), Map.of());
        }
        audit.record(AuditEvent.builder("upload.opened", id).by(viewer).detail("client", upload.clientId())
                .detail("purpose", upload.purpose()).build());
        for (int part = 0;; part++) {
            int index = part;
            UploadsMapper.Part bytes = database.read(session -> session.getMapper(UploadsMapper.class).part(id, index));
            if (bytes == null) {
                return;
            }
            out.write(bytes.bytes);
        }
    }

    /**
     * The retention job of one upload: waits until its retention ends, then
     * records the purge and deletes the content, journalled, in one transaction.
     */
    @Override
    public JobResult run(Job job, JobContext context) {
        String id = job.subject();
        UploadRow found = database.read(session -> session.getMapper(UploadsMapper.class).find(id));
        if (found == null || found.purgedAt != null || found.keepUntil == null) {
            return JobResult.done("nothing-to-purge");
        }
        Instant until = found.keepUntil.toInstant(ZoneOffset.UTC);
        if (context.now().isBefore(until)) {
            return JobResult.laterAt(until);
        }
        database.inTransaction(session -> {
            UploadsMapper mapper = session.getMapper(UploadsMapper.class);
            UploadRow row = mapper.lock(id);
            if (row.purgedAt != null) {
                return null;
            }
            LocalDateTime at = utc(context.now());
            mapper.insertPurge(id, at, "retention of " + row.purpose + " ended " + row.keepUntil);
            mapper.deleteParts(id);
            mapper.markPurged(id, at);
            audit.record(AuditEvent.builder("upload.purged", id).by(context.caller()).detail("client", row.clientId)
                    .detail("purpose", row.purpose).detail("sha256", row.sha256).detail("keptAt", row.keptAt.toString())
                    .detail("keepUntil", row.keepUntil.toString()).build());
            return null;
        });
        return JobResult.done("purged");
    }

    private static Upload view(UploadRow row) {
        return new Upload(row.id, row.clientId, row.purpose, FileType.valueOf(type(row.mediaType)), row.fileName, row.size,
                row.sha256, instant(row.keptAt), instant(row.keepUntil), instant(row.purgedAt));
    }

    private static String type(String mediaType) {
        return Arrays.stream(FileType.values()).filter(type -> type.mediaType().equals(mediaType)).findFirst()
                .orElseThrow().name();
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
