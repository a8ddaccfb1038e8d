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

    @Activate
    public DatabaseAuditJournal(@Reference Persistence persistence, @Reference Clock clock, BundleContext context,
            @Reference(target = "(" + Persistence.STORE_PROPERTY + "=" + Persistence.AUDIT_REPLICA_STORE + ")",
                    cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            DataSource replicaStore) {
        this.database = persistence.open(context.getBundle(), "audit", AuditMapper.class);
        this.clock = clock;
        if (replicaStore == null) {
            LOG.warn("no second store for the audit journal is configured (qyzmet.auditstore.url): rules §33 ask for"
                    + " a copy of the journal on an additional server");
            this.replica = null;
            this.shipper = null;
        } else {
            this.replica = persistence.open(context.getBundle(), "audit", replicaStore, AuditMapper.class);
            this.shipper = new ReplicaShipper(database, replica);
        }
    }

    @Deactivate
    void close() {
        if (shipper != null) {
            shipper.close();
        }
    }

    @Override
    public AuditRecord record(AuditEvent event) {
        AuditRow row = new AuditRow();
        row.eventType = clip(event.type(), 100);
        row.subject = clip(event.subject(), 200);
        row.actor = clip(event.actor(), 200);
        row.actorRole = clip(event.actorRole(), 50);
        row.address = clip(event.address(), 64);
        row.userAgent = clip(event.userAgent(), 500);
        row.correlationId = clip(event.correlationId(), 64);
        row.details = toJson(event.details());
        database.inTransaction(session -> {
            AuditMapper journal = session.getMapper(AuditMapper.class);
            ChainHead head = journal.lockHead();
            row.sequence = head.lastSequence + 1;
            // stamped under the lock, so the journal's times never go backwards along the chain
            row.recordedAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
            row.previousHash = head.lastHash;
            row.recordHash = hash(row);
            journal.insert(row);
            journal.advanceHead(row.sequence, row.recordHash);
            return null;
        });
        if (shipper != null) {
            shipper.nudge();
        }
        return toRecord(row);
    }

    static String hash(AuditRow row) {
        return AuditChain.hash(row.previousHash, row.sequence, row.recordedAt.toInstant(ZoneOffset.UTC), event(row),
                row.details);
    }

    @Override
    public List<AuditRecord> findBySubject(String subject, int limit) {
        int bounded = Math.max(1, Math.min(limit, AuditQuery.MAX_LIMIT));
        return database.read(session -> session.getMapper(AuditMapper.class).findBySubject(subject, bounded))
                .stream().map(DatabaseAuditJournal::toRecord).toList();
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        return database.read(session -> session.getMapper(AuditMapper.class).search(query, utc(query.from()), utc(query.to())))
                .stream().map(DatabaseAuditJournal::toRecord).toList();
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public AuditVerification verify() {
        if (shipper != null) {
            shipper.shipNow();
        }
        return new ChainVerifier(database, replica).verify(clock.instant());
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
