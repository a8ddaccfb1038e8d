package kz.qyzmet.audit.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import kz.qyzmet.persistence.api.Database;

/**
 * Moves records from {@code audit_pending} into the hash chain, in batches, in
 * one transaction with the chain head: a pending record is either still pending
 * or chained, never lost or chained twice, on any number of nodes (the head's
 * row lock orders them). Called after every audited commit and by a periodic
 * sweep, which also picks up what a node that died between its commit and its
 * chaining left behind. On one node only one thread chains at a time; the others
 * leave their records to it.
 */
final class Chainer {
    static final int BATCH = 500;

    private final Database database;
    private final Clock clock;
    private final Runnable chained;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    Chainer(Database database, Clock clock, Runnable chained) {
        this.database = database;
        this.clock = clock;
        this.chained = chained;
    }

    /** Chains soon: now on this thread, unless another one of this node is at it (it will see ours too). */
    void request() {
        requested.set(true);
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                while (requested.getAndSet(false)) {
                    chainAll();
                }
            } finally {
                running.set(false);
            }
        }
    }

    /** Chains everything committed so far before returning: reads that must see their own writes. */
    synchronized void chainAll() {
        int moved;
        do {
            moved = database.inTransaction(session -> {
                AuditMapper journal = session.getMapper(AuditMapper.class);
                ChainHead head = journal.lockHead();
                List<AuditRow> pending = journal.pending(BATCH);
                long sequence = head.lastSequence;
                String previous = head.lastHash;
                List<Long> ids = new ArrayList<>(pending.size());
                for (AuditRow row : pending) {
                    ids.add(row.sequence); // the pending id until it is numbered
                    row.details = DatabaseAuditJournal.withOccurredAt(row.details, row.recordedAt);
                    row.sequence = ++sequence;
                    // stamped under the lock, so the journal's times never go backwards along the chain
                    row.recordedAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
                    row.previousHash = previous;
                    row.recordHash = DatabaseAuditJournal.hash(row);
                    journal.insert(row);
                    journal.advanceHead(row.sequence, row.recordHash);
                    previous = row.recordHash;
                }
                if (!ids.isEmpty()) {
                    journal.forgetPending(ids);
                }
                return pending.size();
            });
            if (moved > 0) {
                chained.run();
            }
        } while (moved == BATCH);
    }
}
