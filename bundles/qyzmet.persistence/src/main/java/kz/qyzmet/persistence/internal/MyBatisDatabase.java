package kz.qyzmet.persistence.internal;

import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import kz.qyzmet.persistence.api.Database;

/** Transactions over one bundle's mappers, joining the transaction open on this thread (see {@link Database}). */
final class MyBatisDatabase implements Database {
    private final SqlSessionFactory sessions;
    private final DataSource dataSource;

    MyBatisDatabase(SqlSessionFactory sessions, DataSource dataSource) {
        this.sessions = sessions;
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Function<SqlSession, T> work) {
        AmbientTransaction open = AmbientTransaction.current(dataSource);
        if (open != null) {
            return open.nested(() -> onConnection(open, work));
        }
        for (int attempt = 1;; attempt++) {
            try {
                return outermost(work);
            } catch (RuntimeException failure) {
                if (attempt >= AmbientTransaction.ATTEMPTS || !AmbientTransaction.rolledBackWhole(failure)) {
                    throw failure;
                }
                AmbientTransaction.backoff(attempt);
            }
        }
    }

    private <T> T outermost(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            AmbientTransaction transaction = AmbientTransaction.open(dataSource, session.getConnection());
            try {
                T result = work.apply(session);
                session.commit(true);
                AmbientTransaction.close(dataSource);
                transaction.runAfterCommit();
                return result;
            } catch (RuntimeException | Error failure) {
                session.rollback(true);
                throw failure;
            } finally {
                AmbientTransaction.close(dataSource);
            }
        }
    }

    /** A session of this bundle's mappers on the open transaction's connection; the outermost one commits. */
    private <T> T onConnection(AmbientTransaction open, Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(open.connection)) {
            T result = work.apply(session);
            session.flushStatements();
            return result;
        }
    }

    @Override
    public <T> T read(Function<SqlSession, T> work) {
        AmbientTransaction open = AmbientTransaction.current(dataSource);
        if (open != null) {
            return onConnection(open, work);
        }
        // autocommit: no transaction to open or end (see ExplicitTransactions)
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session);
        }
    }

    @Override
    public void afterCommit(Runnable work) {
        AmbientTransaction open = AmbientTransaction.current(dataSource);
        if (open == null) {
            AmbientTransaction.runCommitted(work);
        } else {
            open.addAfterCommit(work);
        }
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }
}
