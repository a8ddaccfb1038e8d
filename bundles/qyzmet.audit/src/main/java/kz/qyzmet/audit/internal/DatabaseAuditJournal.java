package kz.qyzmet.audit.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;

/**
 * The journal in MariaDB. Each record is written in its own transaction before
 * the call returns. Tamper evidence (hash chain) and the second store (§33)
 * come with the ledger/audit issue #5.
 */
@Component
public class DatabaseAuditJournal implements AuditJournal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private final Database database;
    private final Clock clock;

    @Activate
    public DatabaseAuditJournal(@Reference Persistence persistence, @Reference Clock clock, BundleContext context) {
        this.database = persistence.open(context.getBundle(), "audit", AuditMapper.class);
        this.clock = clock;
    }

    @Override
    public AuditRecord record(AuditEvent event) {
        AuditRow row = new AuditRow();
        row.recordedAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        row.eventType = clip(event.type(), 100);
        row.subject = clip(event.subject(), 200);
        row.actor = clip(event.actor(), 200);
        row.actorRole = clip(event.actorRole(), 50);
        row.address = clip(event.address(), 64);
        row.userAgent = clip(event.userAgent(), 500);
        row.correlationId = clip(event.correlationId(), 64);
        row.details = toJson(event.details());
        database.inTransaction(session -> {
            session.getMapper(AuditMapper.class).insert(row);
            return null;
        });
        return toRecord(row);
    }

    @Override
    public List<AuditRecord> findBySubject(String subject, int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        return database.read(session -> session.getMapper(AuditMapper.class).findBySubject(subject, bounded))
                .stream().map(DatabaseAuditJournal::toRecord).toList();
    }

    private static AuditRecord toRecord(AuditRow row) {
        Map<String, String> details;
        try {
            details = JSON.readValue(row.details, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit record " + row.sequence + " has unreadable details", e);
        }
        AuditEvent event = new AuditEvent(row.eventType, row.subject, row.actor, row.actorRole, row.address,
                row.userAgent, row.correlationId, details);
        return new AuditRecord(row.sequence, row.recordedAt.toInstant(ZoneOffset.UTC), event);
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
