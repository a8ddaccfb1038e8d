package kz.qyzmet.jobs.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.jobs.api.Job;
import kz.qyzmet.jobs.api.JobContext;
import kz.qyzmet.jobs.api.JobResult;
import kz.qyzmet.jobs.api.JobState;
import kz.qyzmet.jobs.api.JobWorker;
import kz.qyzmet.jobs.api.Jobs;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;

/**
 * Jobs in the database, taken by whichever node is free: a job is claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so two nodes never take the same one;
 * the node beats its heart while it runs, and one that stops (it died mid-job)
 * leaves the job to the next after {@code takeover_seconds}. Each node runs one
 * job at a time, on its own thread, of the kinds it has a worker for.
 */
@org.osgi.annotation.bundle.Header(name = kz.qyzmet.persistence.api.Migrations.SCHEMA_HEADER, value = JobsService.SCHEMA)
@Component(service = Jobs.class, immediate = true, configurationPid = "kz.qyzmet.jobs",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = JobsConfiguration.class)
public class JobsService implements Jobs {
    static final String SCHEMA = "jobs";
    private static final Logger LOG = LoggerFactory.getLogger(JobsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final long HANDBACK_RETRY_MILLIS = 50;

    private final Database database;
    private final AuditJournal audit;
    private final JobsConfiguration config;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, JobWorker> workers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qyzmet-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qyzmet-jobs-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean draining = new AtomicBoolean();

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    @Activate
    public JobsService(@Reference Persistence persistence, @Reference AuditJournal audit, BundleContext context,
            JobsConfiguration config) {
        this.database = persistence.open(context.getBundle(), SCHEMA, JobMapper.class);
        this.audit = audit;
        this.config = config;
        worker.scheduleWithFixedDelay(this::drain, config.poll_millis(), Math.max(100, config.poll_millis()),
                TimeUnit.MILLISECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addWorker(JobWorker jobWorker, Map<String, Object> properties) {
        Object kind = properties.get(JobWorker.KIND_PROPERTY);
        if (kind instanceof String name && !name.isBlank()) {
            workers.put(name, jobWorker);
            worker.execute(this::drain);
        } else {
            LOG.warn("a job worker {} has no {} property: it runs nothing", jobWorker.getClass().getName(),
                    JobWorker.KIND_PROPERTY);
        }
    }

    void removeWorker(JobWorker jobWorker) {
        workers.values().removeIf(registered -> registered == jobWorker);
    }

    @Deactivate
    void stop() throws InterruptedException {
        worker.shutdownNow();
        heart.shutdownNow();
        // a job cut off here is taken over by another node (or this one after a restart) once its heartbeat is old
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String enqueue(String kind, String subject, Map<String, Object> parameters) {
        JobRow row = new JobRow();
        row.id = UUID.randomUUID().toString();
        row.kind = kind;
        row.subject = subject;
        row.parameters = json(parameters == null ? Map.of() : parameters);
        row.createdAt = utc(now());
        String id = database.inTransaction(session -> {
            JobMapper mapper = session.getMapper(JobMapper.class);
            if (mapper.insert(row) == 0) {
                return mapper.find(kind, subject).id;
            }
            audit.record(AuditEvent.builder("job.queued", "job:" + row.id).detail("kind", kind).detail("subject", subject)
                    .build());
            return row.id;
        });
        // wake this node's worker once the job is committed
        database.afterCommit(() -> worker.execute(this::drain));
        return id;
    }

    @Override
    public Optional<JobState> find(String kind, String subject) {
        return Optional.ofNullable(database.read(session -> session.getMapper(JobMapper.class).find(kind, subject)))
                .map(JobsService::state);
    }

    /** Takes jobs until none is left. */
    private void drain() {
        if (workers.isEmpty() || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            for (JobRow job = claim(); job != null; job = claim()) {
                if (!run(job)) {
                    // handed back: look again in a moment instead of taking the same job in a loop
                    worker.schedule(this::drain, HANDBACK_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("jobs: cannot take the next job", e);
        } finally {
            draining.set(false);
        }
    }

    private JobRow claim() {
        LocalDateTime silentSince = utc(now().minus(Duration.ofSeconds(config.takeover_seconds())));
        return database.inTransaction(session -> {
            JobMapper mapper = session.getMapper(JobMapper.class);
            JobRow job = mapper.nextClaimable(workers.keySet(), silentSince, utc(now()));
            if (job != null) {
                mapper.claim(job.id, node, utc(now()));
                job.attempts++;
            }
            return job;
        });
    }

    /** Runs a claimed job; false when the worker handed it back. */
    private boolean run(JobRow row) {
        JobWorker jobWorker = workers.get(row.kind);
        Job job = new Job(row.id, row.kind, row.subject, parameters(row.parameters), row.attempts);
        Caller system = new Caller("system:" + row.kind, "system", "", "", row.subject);
        if (jobWorker == null) {
            update(mapper -> mapper.release(row.id, node));
            return false;
        }
        ScheduledFuture<?> beating = heart.scheduleWithFixedDelay(() -> quietly(() -> update(mapper -> mapper.heartbeat(row.id,
                node, utc(now())))), config.heartbeat_seconds(), Math.max(1, config.heartbeat_seconds()), TimeUnit.SECONDS);
        JobResult result;
        try {
            result = jobWorker.run(job, new Context(row.id, system));
        } catch (Exception failure) {
            LOG.error("job {} of kind {} failed", row.id, row.kind, failure);
            result = JobResult.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        } finally {
            beating.cancel(false);
        }
        JobResult outcome = result == null ? JobResult.failed("the worker returned nothing") : result;
        switch (outcome.outcome()) {
        case LATER -> {
            if (outcome.notBefore() != null) {
                // waiting until a time: not claimable before it, so the queue goes on with the jobs behind it
                update(mapper -> mapper.releaseUntil(row.id, node, utc(outcome.notBefore())));
                return true;
            }
            update(mapper -> mapper.release(row.id, node));
            return false;
        }
        case DONE -> finish(row, job, system, mapper -> mapper.done(row.id, node, outcome.result(), utc(now())),
                () -> jobWorker.completed(job, outcome), "job.done", outcome.result());
        case FAILED -> finish(row, job, system, mapper -> mapper.failed(row.id, node, truncate(outcome.reason(), 1000),
                utc(now())), () -> jobWorker.failed(job, outcome.reason()), "job.failed", outcome.reason());
        }
        return true;
    }

    /** The job's state, the worker's outcome and their record commit together; a job another node took over is left to it. */
    private void finish(JobRow row, Job job, Caller system, java.util.function.ToIntFunction<JobMapper> mark, Runnable outcome,
            String event, String detail) {
        database.inTransaction(session -> {
            if (mark.applyAsInt(session.getMapper(JobMapper.class)) == 0) {
                LOG.warn("job {} was taken over by another node meanwhile; its outcome here is dropped", row.id);
                return null;
            }
            outcome.run();
            audit.record(AuditEvent.builder(event, "job:" + row.id).by(system).detail("kind", row.kind)
                    .detail("subject", row.subject).detail("attempt", job.attempt())
                    .detail(event.equals("job.done") ? "result" : "reason", detail == null ? "" : truncate(detail, 500))
                    .build());
            return null;
        });
    }

    private final class Context implements JobContext {
        private final String id;
        private final Caller caller;

        Context(String id, Caller caller) {
            this.id = id;
            this.caller = caller;
        }

        @Override
        public void progress(int percent, long count) {
            int bounded = Math.max(0, Math.min(99, percent));
            update(mapper -> mapper.progress(id, node, bounded, count, utc(now())));
        }

        @Override
        public Instant now() {
            return JobsService.this.now();
        }

        @Override
        public Caller caller() {
            return caller;
        }
    }

    private void update(java.util.function.ToIntFunction<JobMapper> change) {
        database.inTransaction(session -> change.applyAsInt(session.getMapper(JobMapper.class)));
    }

    private static void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("jobs: heartbeat not written: {}", e.toString());
        }
    }

    static JobState state(JobRow row) {
        return new JobState(row.id, row.kind, row.subject, JobState.Status.valueOf(row.status), row.percent, row.count,
                row.result, row.error, row.attempts, instant(row.createdAt), instant(row.heartbeatAt), instant(row.finishedAt));
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String json(Map<String, Object> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("job parameters must be JSON values", e);
        }
    }

    private static Map<String, Object> parameters(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job parameters are not JSON", e);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
