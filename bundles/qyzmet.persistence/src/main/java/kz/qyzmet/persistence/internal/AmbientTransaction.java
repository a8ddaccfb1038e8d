package kz.qyzmet.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.ibatis.exceptions.PersistenceException;

/**
 * The transaction open on this thread, per store: the connection every
 * {@code Database} of that store joins, the savepoints of joined work, and the
 * work to run once it has committed. Kept here, in the persistence bundle, so
 * the databases of all bundles see the same one.
 */
final class AmbientTransaction {
    private static final ThreadLocal<Map<DataSource, AmbientTransaction>> OPEN = ThreadLocal.withInitial(HashMap::new);
    static final int ATTEMPTS = 6;

    final Connection connection;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AmbientTransaction.class);
    private final List<Runnable> afterCommit = new ArrayList<>();
    private int savepoints;
    /** InnoDB rolled the whole transaction back (a deadlock): nothing more may run on it. */
    private boolean doomed;

    private AmbientTransaction(Connection connection) {
        this.connection = connection;
    }

    static AmbientTransaction current(DataSource store) {
        return OPEN.get().get(store);
    }

    static AmbientTransaction open(DataSource store, Connection connection) {
        AmbientTransaction transaction = new AmbientTransaction(connection);
        OPEN.get().put(store, transaction);
        return transaction;
    }

    static void close(DataSource store) {
        Map<DataSource, AmbientTransaction> open = OPEN.get();
        open.remove(store);
        if (open.isEmpty()) {
            OPEN.remove();
        }
    }

    void addAfterCommit(Runnable work) {
        afterCommit.add(work);
    }

    /** After the commit, in order; no longer part of the transaction (it is closed). */
    void runAfterCommit() {
        for (Runnable work : afterCommit) {
            runCommitted(work);
        }
    }

    static void runCommitted(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("work after a committed transaction failed", e);
        }
    }

    /** Joined work as a savepoint: undone alone when it throws, unless InnoDB already undid everything. */
    <T> T nested(Supplier<T> work) {
        if (doomed) {
            throw new PersistenceException("the transaction was rolled back by the database; only its outermost caller may retry");
        }
        String savepoint = "qyzmet_sp" + (++savepoints);
        execute("SAVEPOINT " + savepoint);
        int hooks = afterCommit.size();
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            if (rolledBackWhole(failure)) {
                doomed = true;
            } else {
                execute("ROLLBACK TO SAVEPOINT " + savepoint);
                // what the undone work meant to do after the commit is forgotten with it
                afterCommit.subList(hooks, afterCommit.size()).clear();
            }
            throw failure;
        }
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new PersistenceException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** A deadlock victim: InnoDB has rolled back the whole transaction (error 1213, SQLSTATE 40001). */
    static boolean rolledBackWhole(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransactionRollbackException
                    || cause instanceof SQLException sql && (sql.getErrorCode() == 1213 || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Before attempt {@code attempt + 1}: 5, 10, 20, 40 … ms with jitter, so racing transactions part ways. */
    static void backoff(int attempt) {
        long base = 5L << Math.min(attempt - 1, 6);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while waiting to retry a transaction", e);
        }
    }
}
