package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.jobs.api.Job;
import kz.qyzmet.jobs.api.JobContext;
import kz.qyzmet.jobs.api.JobResult;
import kz.qyzmet.jobs.api.JobState;
import kz.qyzmet.jobs.api.JobWorker;
import kz.qyzmet.jobs.api.Jobs;
import kz.qyzmet.persistence.api.Transactions;

/**
 * The platform's background jobs (issue #12) on a real MariaDB: a job queued in
 * a transaction that rolls back never runs; one job per kind and subject; the
 * worker's progress is seen; a handed-back job runs again; a failure reaches the
 * worker's failure callback; a job whose node went silent is taken over once
 * the clock has moved past the takeover time, and not before.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JobsIT {
    private static final AtomicReference<Instant> NOW = new AtomicReference<>();
    private static boolean clockRegistered;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("jobs", List.of("qyzmet-default"), Map.of("qyzmet.jobs.poll.millis", "100"));
    }

    @Before
    public void clock() throws Exception {
        new ItSupport(context);
        synchronized (JobsIT.class) {
            if (!clockRegistered) {
                NOW.set(Instant.now());
                ItSupport.registerClock(context, NOW);
                clockRegistered = true;
            }
        }
    }

    private <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    private ServiceRegistration<JobWorker> worker(String kind, JobWorker worker) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JobWorker.KIND_PROPERTY, kind);
        return context.registerService(JobWorker.class, worker, properties);
    }

    private JobState awaitStatus(String kind, String subject, JobState.Status status) throws Exception {
        Jobs jobs = service(Jobs.class);
        ItSupport.await(Duration.ofSeconds(15), kind + " " + subject + " is " + status,
                () -> jobs.find(kind, subject).map(job -> job.status() == status).orElse(false));
        return jobs.find(kind, subject).orElseThrow();
    }

    @Test
    public void aJobRunsWithProgressOncePerSubjectAndItsOutcomeCommitsWithIt() throws Exception {
        List<String> completed = new CopyOnWriteArrayList<>();
        ServiceRegistration<JobWorker> echo = worker("it-echo", new JobWorker() {
            @Override
            public JobResult run(Job job, JobContext context) {
                context.progress(50, 5);
                return JobResult.done("echo:" + job.parameters().get("text"));
            }

            @Override
            public void completed(Job job, JobResult result) {
                completed.add(result.result());
            }
        });
        try {
            Jobs jobs = service(Jobs.class);
            String subject = UUID.randomUUID().toString();
            String id = jobs.enqueue("it-echo", subject, Map.of("text", "сәлем"));
            assertEquals("one job per kind and subject", id, jobs.enqueue("it-echo", subject, Map.of("text", "again")));
            JobState done = awaitStatus("it-echo", subject, JobState.Status.DONE);
            assertEquals("echo:сәлем", done.result());
            assertEquals(100, done.percent());
            assertEquals(5, done.count());
            assertEquals(List.of("echo:сәлем"), completed);
            AuditJournal journal = service(AuditJournal.class);
            ItSupport.await(Duration.ofSeconds(10), "the job's records",
                    () -> journal.findBySubject("job:" + id, 10).size() == 2);

            String rolledBack = UUID.randomUUID().toString();
            try {
                service(Transactions.class).inTransaction(() -> {
                    jobs.enqueue("it-echo", rolledBack, Map.of("text", "never"));
                    throw new IllegalStateException("the deciding transaction fails");
                });
            } catch (IllegalStateException expected) {
                // the job went with it
            }
            assertTrue("a job decided in a rolled-back transaction does not exist",
                    jobs.find("it-echo", rolledBack).isEmpty());
        } finally {
            echo.unregister();
        }
    }

    @Test
    public void aHandedBackJobRunsAgainAndAFailureReachesTheWorker() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        ServiceRegistration<JobWorker> later = worker("it-later", (job, context) -> runs.incrementAndGet() < 3
                ? JobResult.later() : JobResult.done("third time"));
        ServiceRegistration<JobWorker> failing = worker("it-fail", new JobWorker() {
            @Override
            public JobResult run(Job job, JobContext context) {
                throw new IllegalArgumentException("the ledger said no");
            }

            @Override
            public void failed(Job job, String reason) {
                failures.add(reason);
            }
        });
        try {
            Jobs jobs = service(Jobs.class);
            String subject = UUID.randomUUID().toString();
            jobs.enqueue("it-later", subject, Map.of());
            assertEquals("third time", awaitStatus("it-later", subject, JobState.Status.DONE).result());
            assertEquals(3, runs.get());
            jobs.enqueue("it-fail", subject, Map.of());
            JobState failed = awaitStatus("it-fail", subject, JobState.Status.FAILED);
            assertTrue(failed.error(), failed.error().contains("the ledger said no"));
            assertEquals(1, failures.size());
        } finally {
            later.unregister();
            failing.unregister();
        }
    }

    /** A node that died mid-job: its job waits for the takeover time (the clock moves), then another node runs it. */
    @Test
    public void aSilentNodesJobIsTakenOverAfterTheTakeoverTimeNotBefore() throws Exception {
        Jobs jobs = service(Jobs.class);
        String subject = UUID.randomUUID().toString();
        // queued while no node has a worker for the kind, then made to look like a dead node's
        jobs.enqueue("it-takeover", subject, Map.of());
        LocalDateTime beat = LocalDateTime.ofInstant(NOW.get(), ZoneOffset.UTC);
        try (Connection connection = ItSupport.administrator(context, "").getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE jobs_job SET status = 'RUNNING',"
                        + " claimed_by = 'dead-node', attempts = 1, heartbeat_at = ? WHERE kind = 'it-takeover' AND subject = ?")) {
            statement.setTimestamp(1, Timestamp.valueOf(beat));
            statement.setString(2, subject);
            assertEquals(1, statement.executeUpdate());
        }
        AtomicInteger attempt = new AtomicInteger();
        ServiceRegistration<JobWorker> takeover = worker("it-takeover", (job, context) -> {
            attempt.set(job.attempt());
            return JobResult.done("taken over");
        });
        try {
            // a later job of the same kind runs: jobs are taken oldest first, so the silent one was not claimable
            String later = UUID.randomUUID().toString();
            jobs.enqueue("it-takeover", later, Map.of());
            awaitStatus("it-takeover", later, JobState.Status.DONE);
            assertEquals("the dead node's heartbeat is recent: nobody takes its job", JobState.Status.RUNNING,
                    jobs.find("it-takeover", subject).orElseThrow().status());
            NOW.set(NOW.get().plus(Duration.ofMinutes(3)));
            assertEquals("taken over", awaitStatus("it-takeover", subject, JobState.Status.DONE).result());
            assertEquals("the second attempt", 2, attempt.get());
        } finally {
            takeover.unregister();
            NOW.set(Instant.now());
        }
    }
}
