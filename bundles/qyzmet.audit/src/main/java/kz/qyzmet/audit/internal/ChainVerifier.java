package kz.qyzmet.audit.internal;

import java.time.Instant;
import java.util.List;

import kz.qyzmet.audit.api.AuditChain;
import kz.qyzmet.audit.api.AuditVerification;
import kz.qyzmet.audit.api.AuditVerification.Kind;
import kz.qyzmet.audit.api.AuditVerification.Problem;
import kz.qyzmet.persistence.api.Database;

/**
 * Walks the chain page by page (memory stays flat however long the journal) and
 * names the first problem; then compares the second store record by record.
 */
final class ChainVerifier {
    static final int PAGE = 1000;

    private final Database main;
    private final Database replica;

    ChainVerifier(Database main, Database replica) {
        this.main = main;
        this.replica = replica;
    }

    AuditVerification verify(Instant now, java.util.function.Supplier<Problem> completeness) {
        ChainHead head = main.read(session -> session.getMapper(AuditMapper.class).head());
        long checked = 0;
        long expected = 1;
        String previousHash = AuditChain.GENESIS;
        Problem problem = null;
        long after = 0;
        walk:
        while (true) {
            long from = after;
            List<AuditRow> rows = main.read(session -> session.getMapper(AuditMapper.class).page(from, PAGE));
            if (rows.isEmpty()) {
                break;
            }
            for (AuditRow row : rows) {
                checked++;
                if (row.sequence > expected) {
                    problem = new Problem(Kind.MISSING, expected, "records " + expected + ".." + (row.sequence - 1)
                            + " are gone");
                    break walk;
                }
                if (row.sequence > head.lastSequence) {
                    problem = new Problem(Kind.INSERTED, row.sequence, "record " + row.sequence
                            + " lies beyond the chain's last record " + head.lastSequence);
                    break walk;
                }
                if (!DatabaseAuditJournal.hash(row).equals(row.recordHash)) {
                    problem = new Problem(Kind.ALTERED, row.sequence, "record " + row.sequence
                            + " no longer matches its hash");
                    break walk;
                }
                if (!row.previousHash.equals(previousHash)) {
                    problem = new Problem(Kind.REPLACED, row.sequence - 1, "record " + (row.sequence - 1)
                            + " is not the record that " + row.sequence + " was chained to");
                    break walk;
                }
                previousHash = row.recordHash;
                expected = row.sequence + 1;
            }
            after = rows.get(rows.size() - 1).sequence;
        }
        if (problem == null && expected - 1 < head.lastSequence) {
            problem = new Problem(Kind.MISSING, expected, "records " + expected + ".." + head.lastSequence + " are gone");
        }
        if (problem == null && !previousHash.equals(head.lastHash)) {
            problem = new Problem(Kind.REPLACED, head.lastSequence, "the last record is not the one the chain head names");
        }
        if (problem == null) {
            problem = completeness.get();
        }
        if (replica == null) {
            return new AuditVerification(now, checked, head.lastSequence, problem, false, 0, null, 0);
        }
        return compareReplica(now, checked, head, problem);
    }

    private AuditVerification compareReplica(Instant now, long checked, ChainHead head, Problem problem) {
        long compared = 0;
        long after = 0;
        Problem difference = null;
        long replicaLast = 0;
        compare:
        while (true) {
            long from = after;
            List<AuditRow> copies = replica.read(session -> session.getMapper(AuditMapper.class).page(from, PAGE));
            if (copies.isEmpty()) {
                break;
            }
            List<AuditRow> originals = main.read(session -> session.getMapper(AuditMapper.class).page(from, PAGE));
            for (int i = 0; i < copies.size(); i++) {
                AuditRow copy = copies.get(i);
                AuditRow original = i < originals.size() ? originals.get(i) : null;
                compared++;
                if (original == null || original.sequence.longValue() != copy.sequence.longValue()) {
                    difference = new Problem(Kind.DIVERGED, copy.sequence, "the second store holds record "
                            + copy.sequence + " that the main store does not have at that place");
                    break compare;
                }
                if (!original.recordHash.equals(copy.recordHash) || !DatabaseAuditJournal.hash(copy).equals(copy.recordHash)) {
                    difference = new Problem(Kind.DIVERGED, copy.sequence, "record " + copy.sequence
                            + " differs between the main and the second store");
                    break compare;
                }
                replicaLast = copy.sequence;
            }
            after = copies.get(copies.size() - 1).sequence;
        }
        return new AuditVerification(now, checked, head.lastSequence, problem, true, compared, difference,
                Math.max(0, head.lastSequence - replicaLast));
    }
}
