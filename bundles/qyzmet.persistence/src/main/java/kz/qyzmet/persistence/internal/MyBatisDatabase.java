package kz.qyzmet.persistence.internal;

import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import kz.qyzmet.persistence.api.Database;

/** Transactions over one bundle's mappers. */
final class MyBatisDatabase implements Database {
    private final SqlSessionFactory sessions;
    private final DataSource dataSource;

    MyBatisDatabase(SqlSessionFactory sessions, DataSource dataSource) {
        this.sessions = sessions;
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            try {
                T result = work.apply(session);
                session.commit(true);
                return result;
            } catch (RuntimeException | Error failure) {
                session.rollback(true);
                throw failure;
            }
        }
    }

    @Override
    public <T> T read(Function<SqlSession, T> work) {
        // autocommit: no transaction to open or end (see ExplicitTransactions)
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session);
        }
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }
}
