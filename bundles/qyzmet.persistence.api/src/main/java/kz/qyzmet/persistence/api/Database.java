package kz.qyzmet.persistence.api;

import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSession;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One bundle's view of the database: transactions over its own mappers.
 * <p>
 * Transactions compose across bundles: work called while a transaction is
 * already open on this thread, on the same store, joins it instead of opening its
 * own. So a change in one bundle and its audit record in another commit together
 * or not at all (rules §45.1). A
 * joined {@link #inTransaction} is a savepoint: when its work throws, what it
 * wrote is undone and the caller may go on. Only the outermost transaction
 * commits; when InnoDB picks it as a deadlock victim it is run again, a few times
 * with backoff, so its work must do nothing outside the database.
 */
@ProviderType
public interface Database {

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back
     * when it throws (the exception is passed on). Mappers of the bundle are taken
     * from the session: {@code session.getMapper(StateMapper.class)}. Inside an open
     * transaction of the same store, joins it (see above).
     */
    <T> T inTransaction(Function<SqlSession, T> work);

    /**
     * Runs read-only {@code work} without a transaction: each statement reads its own
     * committed snapshot (READ COMMITTED), no locks are held. It must not write: a
     * write here would be committed at once. Reads that must agree with each other or
     * lock rows belong in {@link #inTransaction}. Inside an open transaction of the
     * same store it reads on that transaction's connection (and sees its writes).
     */
    <T> T read(Function<SqlSession, T> work);

    /**
     * Runs {@code work} once the transaction open on this thread has committed,
     * and never if it rolls back (nor if the joined work that registered it is
     * undone); with no transaction open, at once. For what must wait until a change
     * is visible to others, e.g. chaining its audit record. A failure of {@code work}
     * is logged: the transaction has committed already.
     */
    void afterCommit(Runnable work);

    /** The shared pool, for the rare statement MyBatis is not the right tool for. */
    DataSource dataSource();
}
