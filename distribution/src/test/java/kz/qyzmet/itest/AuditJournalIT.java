package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.audit.api.AuditChain;
import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditQuery;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.audit.api.AuditVerification;
import kz.qyzmet.audit.api.AuditVerification.Kind;

/**
 * Tamper evidence of the journal (rules §32, §33, §45.1), proven the hard way:
 * someone with the database's administrator rights drops the append-only
 * triggers and edits, deletes, inserts and replaces rows by direct SQL; the
 * verifier names the first altered, missing, inserted or replaced record, and a
 * copy in the second store that differs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditJournalIT {
    private static final String NO_UPDATE = "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only (rules 45.1)'";
    private static final String NO_DELETE = "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only (rules 45.1)'";

    @Inject
    BundleContext context;

    private AuditJournal journal;
    private DataSource main;
    private DataSource replica;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("audit", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void journalWithSomeRecords() throws Exception {
        journal = context.getService(context.getServiceReference(AuditJournal.class));
        // tampering needs the database's administrator: the platform's own accounts cannot do any of it (§45)
        main = ItSupport.administrator(context, "");
        replica = ItSupport.administrator(context, "_audit_store");
        for (int i = 0; i < 5; i++) {
            journal.record(AuditEvent.builder("test.event", "account:" + i).actor("tester", "operator")
                    .origin("10.0.0.1", "JUnit", "corr-" + i).detail("n", i).build());
        }
        AuditVerification clean = journal.verify();
        assertTrue("starts intact: " + clean, clean.intact());
    }

    @Test
    public void recordsAreChainedAndCopiedToTheSecondStore() throws Exception {
        AuditRecord last = journal.search(new AuditQuery(null, "tester", null, null, null, null, 1)).get(0);
        AuditRecord previous = journal.search(new AuditQuery(null, null, null, null, null, last.sequence(), 1)).get(0);
        assertEquals(previous.recordHash(), last.previousHash());
        // the journal adds when the event happened: it is chained (and stamped) a moment later
        String occurredAt = last.event().details().get("occurredAt");
        assertTrue(!last.recordedAt().isBefore(java.time.Instant.parse(occurredAt)));
        assertEquals(AuditChain.hash(last.previousHash(), last.sequence(), last.recordedAt(), last.event(),
                "{\"n\":\"4\",\"occurredAt\":\"" + occurredAt + "\"}"), last.recordHash());
        AuditVerification verification = journal.verify();
        assertTrue(verification.replicaConfigured());
        assertEquals(0, verification.replicaBehind());
        assertEquals(verification.checked(), verification.replicaChecked());
    }

    @Test
    public void anEditedRecordIsNamed() throws Exception {
        long target = sequenceOf("account:2");
        withoutTriggers(main, statement -> statement.executeUpdate(
                "UPDATE audit_event SET actor = 'someone-else' WHERE sequence = " + target));
        try {
            AuditVerification verification = journal.verify();
            assertFalse(verification.intact());
            assertEquals(Kind.ALTERED, verification.problem().kind());
            assertEquals(target, verification.problem().sequence());
        } finally {
            withoutTriggers(main, statement -> statement.executeUpdate(
                    "UPDATE audit_event SET actor = 'tester' WHERE sequence = " + target));
        }
        assertTrue(journal.verify().intact());
    }

    @Test
    public void aDeletedRecordIsNamed() throws Exception {
        long target = sequenceOf("account:1");
        Object[] saved = row(main, target);
        withoutTriggers(main, statement -> statement.executeUpdate("DELETE FROM audit_event WHERE sequence = " + target));
        try {
            AuditVerification verification = journal.verify();
            assertEquals(Kind.MISSING, verification.problem().kind());
            assertEquals(target, verification.problem().sequence());
        } finally {
            insert(main, saved);
        }
        assertTrue(journal.verify().intact());
    }

    @Test
    public void anInsertedRecordIsNamed() throws Exception {
        long head = journal.verify().lastSequence();
        Object[] forged = row(main, head);
        forged[0] = head + 1;
        insert(main, forged);
        try {
            AuditVerification verification = journal.verify();
            assertEquals(Kind.INSERTED, verification.problem().kind());
            assertEquals(head + 1, verification.problem().sequence());
        } finally {
            withoutTriggers(main, statement -> statement.executeUpdate("DELETE FROM audit_event WHERE sequence = " + (head + 1)));
        }
    }

    /** A forger who recomputes the forged record's own hash still breaks the link to its successor. */
    @Test
    public void aReplacedRecordIsNamed() throws Exception {
        long target = sequenceOf("account:3");
        Object[] original = row(main, target);
        Object[] forged = original.clone();
        forged[4] = "forger";
        AuditEvent event = new AuditEvent((String) forged[2], (String) forged[3], "forger", (String) forged[5],
                (String) forged[6], (String) forged[7], (String) forged[8], Map.of("n", "3"));
        Instant recordedAt = ((LocalDateTime) forged[1]).toInstant(ZoneOffset.UTC);
        forged[11] = AuditChain.hash((String) forged[10], target, recordedAt, event, (String) forged[9]);
        withoutTriggers(main, statement -> statement.executeUpdate("DELETE FROM audit_event WHERE sequence = " + target));
        insert(main, forged);
        try {
            AuditVerification verification = journal.verify();
            assertEquals(Kind.REPLACED, verification.problem().kind());
            assertEquals(target, verification.problem().sequence());
        } finally {
            withoutTriggers(main, statement -> statement.executeUpdate("DELETE FROM audit_event WHERE sequence = " + target));
            insert(main, original);
        }
        assertTrue(journal.verify().intact());
    }

    /** Rules §33: the copy on the second store is compared too. */
    @Test
    public void aDivergingSecondStoreIsNamed() throws Exception {
        long target = sequenceOf("account:0");
        journal.verify();
        withoutTriggers(replica, statement -> statement.executeUpdate(
                "UPDATE audit_event SET subject = 'account:999' WHERE sequence = " + target));
        try {
            AuditVerification verification = journal.verify();
            assertNull("the main store is intact", verification.problem());
            assertEquals(Kind.DIVERGED, verification.replicaProblem().kind());
            assertEquals(target, verification.replicaProblem().sequence());
        } finally {
            withoutTriggers(replica, statement -> statement.executeUpdate(
                    "UPDATE audit_event SET subject = 'account:0' WHERE sequence = " + target));
        }
    }

    @Test
    public void operatorsSearchAndVerifyOverRest() throws Exception {
        ItSupport platform = new ItSupport(context);
        ItSupport.awaitChecked(java.time.Duration.ofSeconds(30), "catalog answers", () -> platform.get("catalog").statusCode() == 200);
        HttpResponse<String> found = platform.operatorGet("operator/audit?subject=account:2&type=test.event&actor=tester");
        assertEquals(found.body(), 200, found.statusCode());
        JsonNode records = ItSupport.json(found).get("records");
        assertTrue(records.size() >= 1);
        assertEquals("account:2", records.get(0).get("subject").asText());
        HttpResponse<String> window = platform.operatorGet("operator/audit?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z&limit=2");
        assertEquals(2, ItSupport.json(window).get("records").size());
        assertNotNull(ItSupport.json(window).get("next"));
        HttpResponse<String> badTime = platform.operatorGet("operator/audit?from=yesterday", "Accept-Language", "en");
        assertEquals(400, badTime.statusCode());
        assertEquals("from", ItSupport.json(badTime).get("field").asText());
        HttpResponse<String> verification = platform.operatorGet("operator/audit/verification");
        assertEquals(200, verification.statusCode());
        assertEquals(true, ItSupport.json(verification).get("intact").asBoolean());
        assertEquals(401, platform.get("operator/audit/verification").statusCode());
    }

    private long sequenceOf(String subject) {
        return journal.findBySubject(subject, 1).get(0).sequence();
    }

    @FunctionalInterface
    interface Sql {
        void run(Statement statement) throws Exception;
    }

    /** What an attacker with the administrator's rights can do: switch the append-only triggers off for a moment. */
    private static void withoutTriggers(DataSource store, Sql tampering) throws Exception {
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER audit_event_no_update");
            statement.execute("DROP TRIGGER audit_event_no_delete");
            try {
                tampering.run(statement);
            } finally {
                statement.execute(NO_UPDATE);
                statement.execute(NO_DELETE);
            }
        }
    }

    private static final String COLUMNS = "sequence, recorded_at, event_type, subject, actor, actor_role, address,"
            + " user_agent, correlation_id, details, previous_hash, record_hash";

    private static Object[] row(DataSource store, long sequence) throws Exception {
        try (Connection connection = store.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_event WHERE sequence = ?")) {
            select.setLong(1, sequence);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                Object[] values = new Object[12];
                for (int i = 0; i < values.length; i++) {
                    values[i] = i == 1 ? result.getObject(2, LocalDateTime.class) : result.getObject(i + 1);
                }
                return values;
            }
        }
    }

    private static void insert(DataSource store, Object[] values) throws Exception {
        try (Connection connection = store.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }
}
