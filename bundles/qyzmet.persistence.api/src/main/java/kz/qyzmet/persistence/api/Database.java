package kz.qyzmet.persistence.api;

import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSession;
import org.osgi.annotation.versioning.ProviderType;

/** One bundle's view of the database: transactions over its own mappers. */
@ProviderType
public interface Database {

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back
     * when it throws (the exception is passed on). Mappers of the bundle are taken
     * from the session: {@code session.getMapper(StateMapper.class)}.
     */
    <T> T inTransaction(Function<SqlSession, T> work);

    /**
     * Runs read-only {@code work} without a transaction: each statement reads its own
     * committed snapshot (READ COMMITTED), no locks are held. It must not write: a
     * write here would be committed at once. Reads that must agree with each other or
     * lock rows belong in {@link #inTransaction}.
     */
    <T> T read(Function<SqlSession, T> work);

    /** The shared pool, for the rare statement MyBatis is not the right tool for. */
    DataSource dataSource();
}
