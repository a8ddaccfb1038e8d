package kz.qyzmet.audit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.qyzmet.audit.api.AuditVerification.Kind;
import kz.qyzmet.audit.api.AuditVerification.Problem;
import kz.qyzmet.audit.api.AuditedChanges;
import kz.qyzmet.persistence.api.Database;

/**
 * Every change the bundles keep (ledger entries, instruction transitions,
 * issued documents) must have its record in the journal: a change written
 * around the platform, or a record lost, is named. The changes are read as a
 * stream and checked in batches of subjects, so memory stays flat; a subject is
 * never split between batches (its records are counted once).
 */
final class CompletenessCheck {
    static final int BATCH = 500;

    private final Database journal;

    CompletenessCheck(Database journal) {
        this.journal = journal;
    }

    /** The first change without its record, or null. */
    Problem check(List<AuditedChanges> sources) {
        for (AuditedChanges source : sources) {
            Batch batch = new Batch(source.name());
            source.forEach(batch::add);
            batch.flush();
            if (batch.problem != null) {
                return batch.problem;
            }
        }
        return null;
    }

    private final class Batch {
        private final String name;
        private final List<AuditedChanges.Expected> changes = new ArrayList<>();
        private final Set<String> subjects = new LinkedHashSet<>();
        private Problem problem;

        Batch(String name) {
            this.name = name;
        }

        void add(AuditedChanges.Expected change) {
            if (problem != null) {
                return;
            }
            if (subjects.size() >= BATCH && !subjects.contains(change.subject())) {
                flush();
            }
            changes.add(change);
            subjects.add(change.subject());
        }

        void flush() {
            if (problem != null || changes.isEmpty()) {
                return;
            }
            Map<String, Map<String, Long>> records = new HashMap<>();
            for (AuditMapper.RecordCount count : journal.read(session -> session.getMapper(AuditMapper.class)
                    .countBySubject(subjects))) {
                records.computeIfAbsent(count.subject(), subject -> new HashMap<>()).put(count.type(), count.records());
            }
            for (AuditedChanges.Expected change : changes) {
                Map<String, Long> left = records.getOrDefault(change.subject(), Map.of());
                String type = change.types().stream().filter(candidate -> left.getOrDefault(candidate, 0L) > 0).findFirst()
                        .orElse(null);
                if (type == null) {
                    problem = new Problem(Kind.UNRECORDED, 0, name + ": " + change.description()
                            + " has no record in the journal (expected " + String.join(" or ", change.types()) + ")");
                    return;
                }
                left.merge(type, -1L, Long::sum);
            }
            changes.clear();
            subjects.clear();
        }
    }
}
