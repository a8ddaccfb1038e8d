package kz.qyzmet.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.audit.api.AuditChain;
import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditQuery;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.audit.api.AuditVerification;
import kz.qyzmet.audit.api.AuditedChanges;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;

/**
 * The journal in MariaDB, hash-chained (rules §32, §45.1): appending locks the
 * chain head, so records are numbered and chained one after another across all
 * nodes; each is durable before the call returns. A second store (rules §33)
 * receives a copy of every record shortly after.
 */
@Component
public class DatabaseAuditJournal implements AuditJournal {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAuditJournal.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private final Database database;
    private final Database replica;
    private final Clock clock;
    private final ReplicaShipper shipper;
    private final Chainer chainer;
    /** Bundles whose changes must each have a record (ledger, instructions, documents). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<AuditedChanges> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService sweeper = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "qyzmet-audit-chainer");
                thread.setDaemon(true);
                return thread;
            });

    @Activate
    public DatabaseAuditJournal(@Reference Persistence persistence, @Reference Clock clock, BundleContext context,
            @Reference(target = "(" + Persistence.STORE_PROPERTY + "=" + Persistence.AUDIT_REPLICA_STORE + ")",
                    cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            DataSource replicaStore) {
        this.database = persistence.open(context.getBundle(), "audit", AuditMapper.class);
        this.clock = clock;
        this.chainer = new Chainer(database, clock, this::chained);
        if (replicaStore == null) {
            LOG.warn("no second store for the audit journal is configured (qyzmet.auditstore.url): rules §33 ask for"
                    + " a copy of the journal on an additional server");
            this.replica = null;
            this.shipper = null;
        } else {
            this.replica = persistence.open(context.getBundle(), "audit", replicaStore, AuditMapper.class);
            this.shipper = new ReplicaShipper(database, replica);
        }
        startSweeping();
    }

    /** What a node that died between a commit and its chaining left pending is chained by the others. */
    private void startSweeping() {
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                chainer.request();
            } catch (RuntimeException e) {
                LOG.warn("chaining pending audit records failed; will try again", e);
            }
        }, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void chained() {
        if (shipper != null) {
            shipper.nudge();
        }
    }

    @Deactivate
    void close() {
        sweeper.shutdownNow();
        if (shipper != null) {
            shipper.close();
        }
    }

    /**
     * Written on the caller's transaction when one is open: a state change and its
     * record commit together or not at all (rules §45.1). The record waits in
     * {@code audit_pending}, which takes no global lock, and is chained right after
     * the commit ({@link Chainer}).
     */
    @Override
    public void record(AuditEvent event) {
        AuditRow row = new AuditRow();
        row.eventType = clip(event.type(), 100);
        row.subject = clip(event.subject(), 200);
        row.actor = clip(event.actor(), 200);
        row.actorRole = clip(event.actorRole(), 50);
        row.address = clip(event.address(), 64);
        row.userAgent = clip(event.userAgent(), 500);
        row.correlationId = clip(event.correlationId(), 64);
        row.details = toJson(event.details());
        row.recordedAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        database.inTransaction(session -> {
            session.getMapper(AuditMapper.class).insertPending(row);
            return null;
        });
        database.afterCommit(chainer::request);
    }

    /** The time the event happened (it is chained, and stamped, a moment later). */
    static String withOccurredAt(String details, LocalDateTime occurredAt) {
        try {
            LinkedHashMap<String, String> map = JSON.readValue(details, DETAILS);
            map.putIfAbsent("occurredAt", occurredAt.toInstant(ZoneOffset.UTC).toString());
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            return details;
        }
    }

    static String hash(AuditRow row) {
        return AuditChain.hash(row.previousHash, row.sequence, row.recordedAt.toInstant(ZoneOffset.UTC), event(row),
                row.details);
    }

    @Override
    public List<AuditRecord> findBySubject(String subject, int limit) {
        chainer.chainAll(); // what this caller recorded a moment ago is found
        int bounded = Math.max(1, Math.min(limit, AuditQuery.MAX_LIMIT));
        return database.read(session -> session.getMapper(AuditMapper.class).findBySubject(subject, bounded))
                .stream().map(DatabaseAuditJournal::toRecord).toList();
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        chainer.chainAll();
        return database.read(session -> session.getMapper(AuditMapper.class).search(query, utc(query.from()), utc(query.to())))
                .stream().map(DatabaseAuditJournal::toRecord).toList();
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public AuditVerification verify() {
        chainer.chainAll();
        if (shipper != null) {
            shipper.shipNow();
        }
        return new ChainVerifier(database, replica).verify(clock.instant(), () -> new CompletenessCheck(database)
                .check(List.copyOf(changes)));
    }

    static AuditRecord toRecord(AuditRow row) {
        return new AuditRecord(row.sequence, row.recordedAt.toInstant(ZoneOffset.UTC), event(row), row.previousHash,
                row.recordHash);
    }

    static AuditEvent event(AuditRow row) {
        Map<String, String> details;
        try {
            details = JSON.readValue(row.details, DETAILS);
        } catch (JsonProcessingException e) {
            // an unreadable details column is itself tampering; keep the raw text so the hash check shows it
            details = Map.of("unreadable", row.details);
        }
        return new AuditEvent(row.eventType, row.subject, row.actor, row.actorRole, row.address, row.userAgent,
                row.correlationId, details);
    }

    private static String toJson(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be written as JSON", e);
        }
    }

    /** Over-long values are cut, never refused: losing an audit record is worse than a shortened user agent. */
    static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
