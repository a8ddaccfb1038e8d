package kz.qyzmet.service.operationsreport.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * Report jobs in the database, taken by whichever node is free: a job is claimed
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, so two nodes never take the same
 * one, and a node that stops sending heartbeats (it died mid-report) leaves its job
 * to the next. Each node works on one report at a time, on its own thread.
 */
@org.osgi.annotation.bundle.Header(name = kz.qyzmet.persistence.api.Migrations.SCHEMA_HEADER, value = ReportJobs.SCHEMA)
@Component(service = ReportJobs.class, configurationPid = "kz.qyzmet.reports", immediate = true)
@Designate(ocd = ReportConfiguration.class)
public class ReportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJobs.class);
    /** Migrated when the bundle starts, before any component is activated. */
    static final String SCHEMA = "operations_report";
    private static final long HANDOVER_RETRY_MILLIS = 50;

    private final Database database;
    private final Instructions instructions;
    private final AuditJournal audit;
    private final ReportWriter writer;
    private final ReportConfiguration config;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qyzmet-operations-report-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean draining = new AtomicBoolean();

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    @Activate
    public ReportJobs(@Reference Persistence persistence, @Reference Ledger ledger, @Reference Documents documents,
            @Reference Instructions instructions, @Reference AuditJournal audit, BundleContext context,
            ReportConfiguration config) {
        this.database = persistence.open(context.getBundle(), SCHEMA, JobMapper.class);
        this.instructions = instructions;
        this.audit = audit;
        this.writer = new ReportWriter(ledger, documents);
        this.config = config;
        worker.scheduleWithFixedDelay(this::drain, config.poll_millis(), config.poll_millis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        worker.shutdownNow();
        // a report cut off here is taken over by another node (or this one after a restart) once its heartbeat is old
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Queues the report of a confirmed instruction and wakes this node's worker. */
    void enqueue(String instructionId, String clientId, String account, Period period, String format, Language language) {
        JobRow row = new JobRow();
        row.id = UUID.randomUUID().toString();
        row.instructionId = instructionId;
        row.clientId = clientId;
        row.account = account;
        row.periodFrom = utc(period.from());
        row.periodTo = utc(period.to());
        row.format = format;
        row.language = language.tag();
        row.createdAt = utc(now());
        database.inTransaction(session -> {
            session.getMapper(JobMapper.class).insert(row);
            return null;
        });
        worker.execute(this::drain);
    }

    Optional<JobRow> ofInstruction(String instructionId) {
        return Optional.ofNullable(database.read(session -> session.getMapper(JobMapper.class).ofInstruction(instructionId)));
    }

    /** Takes jobs until none is left. */
    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            for (JobRow job = claim(); job != null; job = claim()) {
                if (!run(job)) {
                    // handed back: look again in a moment instead of taking the same job in a loop
                    worker.schedule(this::drain, HANDOVER_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("report jobs: cannot take the next job", e);
        } finally {
            draining.set(false);
        }
    }

    private JobRow claim() {
        LocalDateTime silentSince = utc(now().minus(Duration.ofSeconds(config.takeover_seconds())));
        return database.inTransaction(session -> {
            JobMapper mapper = session.getMapper(JobMapper.class);
            JobRow job = mapper.nextClaimable(silentSince);
            if (job != null) {
                mapper.claim(job.id, node, utc(now()));
            }
            return job;
        });
    }

    /** Writes the report of a claimed job; false when the job was handed back because its instruction is not in work yet. */
    private boolean run(JobRow job) {
        Caller system = new Caller("system:operations-report", "system", "", "", job.instructionId);
        Instant started = now();
        Optional<Instruction> instruction = instructions.find(job.instructionId);
        if (instruction.isPresent() && instruction.get().status() == InstructionStatus.CONFIRMED) {
            // the job was queued by the handler a moment before the core records the instruction as in work
            finish(job, mapper -> mapper.release(job.id, node));
            return false;
        }
        if (instruction.isEmpty() || instruction.get().status() != InstructionStatus.IN_WORK) {
            // the client cancelled the instruction (§7.2) before its report was written: nothing to produce
            database.inTransaction(session -> {
                finish(job, mapper -> mapper.failed(job.id, node, "instruction no longer in work", utc(now())));
                audit.record(AuditEvent.builder("operations-report.skipped", job.instructionId).by(system)
                        .detail("status", instruction.map(found -> found.status().name()).orElse("unknown")).build());
                return null;
            });
            return true;
        }
        StoredDocument document;
        try {
            Period period = new Period(job.periodFrom.toInstant(ZoneOffset.UTC), job.periodTo.toInstant(ZoneOffset.UTC));
            document = writer.write(new ReportWriter.Request(job.instructionId, instruction.get().number(), job.clientId,
                    job.account, period, job.format, Language.fromTag(job.language)), (operations, lastPostedAt) -> heartbeat(job,
                            period, operations, lastPostedAt), system);
        } catch (RuntimeException failure) {
            failed(job, failure, system);
            return true;
        }
        long operations = ofInstruction(job.instructionId).map(current -> current.operations).orElse(0L);
        // the job, the instruction's outcome and their records commit together
        database.inTransaction(session -> {
            finish(job, mapper -> mapper.done(job.id, node, operations, document.id(), utc(now())));
            try {
                instructions.complete(job.instructionId, List.of(document.id()), system);
                audit.record(AuditEvent.builder("operations-report.done", job.instructionId).by(system)
                        .detail("document", document.number()).detail("format", job.format)
                        .detail("millis", Duration.between(started, now()).toMillis()).build());
            } catch (ProblemException cancelledMeanwhile) {
                // cancelled while the report was being written: the document stays stored (nothing issued is ever
                // removed, §45.2) but is not attached to the cancelled instruction
                audit.record(AuditEvent.builder("operations-report.discarded", job.instructionId).by(system)
                        .detail("document", document.number()).detail("reason", cancelledMeanwhile.detail().en()).build());
            }
            return null;
        });
        return true;
    }

    private void failed(JobRow job, RuntimeException failure, Caller system) {
        LOG.error("operations report {} failed", job.instructionId, failure);
        String reason = failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage());
        database.inTransaction(session -> {
            finish(job, mapper -> mapper.failed(job.id, node, reason.length() > 500 ? reason.substring(0, 500) : reason,
                    utc(now())));
            audit.record(AuditEvent.builder("operations-report.failed", job.instructionId).by(system).detail("reason", reason)
                    .build());
            return null;
        });
        try {
            instructions.reject(job.instructionId, LocalizedText.of(
                    "Есепті жасау мүмкін болмады; брокер хабардар етілді. Қайта сұрап көріңіз.",
                    "Отчёт не удалось сформировать; брокер уведомлён. Попробуйте запросить снова.",
                    "The report could not be produced; the broker has been notified. Please request it again."), system);
        } catch (ProblemException cancelledMeanwhile) {
            // the client cancelled it meanwhile: already final, nothing to tell
        }
    }

    private void finish(JobRow job, java.util.function.ToIntFunction<JobMapper> update) {
        database.inTransaction(session -> update.applyAsInt(session.getMapper(JobMapper.class)));
    }

    /**
     * The heartbeat that keeps the job this node's, with the progress the cabinet
     * shows: operations written, and the share of the period they cover (the time
     * of the last one); 100 only when the document is stored.
     */
    private void heartbeat(JobRow job, Period period, long operations, Instant lastPostedAt) {
        long span = Math.max(1, Duration.between(period.from(), period.to()).toMillis());
        long covered = Math.max(0, Duration.between(period.from(), lastPostedAt).toMillis());
        int percent = (int) Math.min(99, covered * 100 / span);
        database.inTransaction(session -> session.getMapper(JobMapper.class).progress(job.id, node, operations, percent,
                utc(now())));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
