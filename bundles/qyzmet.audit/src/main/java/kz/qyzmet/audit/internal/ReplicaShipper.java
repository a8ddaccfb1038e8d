package kz.qyzmet.audit.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.persistence.api.Database;

/**
 * Copies the journal to the second store (rules §33), in order and record by
 * record as they were chained: shortly after each append, and every second in
 * case the second store was away. Copying never blocks or fails an append.
 */
final class ReplicaShipper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaShipper.class);
    private static final int BATCH = 500;

    private final Database main;
    private final Database replica;
    private final ScheduledExecutorService executor;

    ReplicaShipper(Database main, Database replica) {
        this.main = main;
        this.replica = replica;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qyzmet-audit-shipper");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::shipQuietly, 0, 1, TimeUnit.SECONDS);
    }

    void nudge() {
        executor.execute(this::shipQuietly);
    }

    /** Copies everything not yet copied, before returning (for the verifier). */
    void shipNow() {
        try {
            executor.submit(this::ship).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("copying the audit journal to the second store failed: {}", e.getMessage());
        }
    }

    private void shipQuietly() {
        try {
            ship();
        } catch (RuntimeException e) {
            LOG.warn("copying the audit journal to the second store failed, will retry: {}", e.getMessage());
        }
    }

    /**
     * Runs on the shipper's single thread only, so copies never race each other.
     * Copies only records within the chain head that link to the copy's last
     * record and match their hash: a forged or altered record in the main store
     * is never spread to the second one (the verifier names it instead).
     */
    private Void ship() {
        ChainHead copyHead = replica.read(session -> session.getMapper(AuditMapper.class).head());
        long upTo = main.read(session -> session.getMapper(AuditMapper.class).head()).lastSequence;
        long copied = copyHead.lastSequence;
        String lastHash = copyHead.lastHash;
        while (copied < upTo) {
            long after = copied;
            List<AuditRow> rows = main.read(session -> session.getMapper(AuditMapper.class).chainedPage(after, upTo, BATCH));
            List<AuditRow> sound = new java.util.ArrayList<>();
            for (AuditRow row : rows) {
                if (row.sequence != copied + 1 || !row.previousHash.equals(lastHash)
                        || !DatabaseAuditJournal.hash(row).equals(row.recordHash)) {
                    LOG.error("not copying audit record {} to the second store: it does not continue the chain", copied + 1);
                    break;
                }
                sound.add(row);
                copied = row.sequence;
                lastHash = row.recordHash;
            }
            if (!sound.isEmpty()) {
                replica.inTransaction(session -> {
                    AuditMapper copy = session.getMapper(AuditMapper.class);
                    for (AuditRow row : sound) {
                        copy.lockHead();
                        copy.insert(row);
                        copy.advanceHead(row.sequence, row.recordHash);
                    }
                    return null;
                });
            }
            if (sound.size() < rows.size() || rows.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
