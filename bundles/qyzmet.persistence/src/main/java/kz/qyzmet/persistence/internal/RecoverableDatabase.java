package kz.qyzmet.persistence.internal;

import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSession;

import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.MigrationFailedException;

/**
 * A bundle's database whose schema may have failed to migrate: until it is
 * repaired, every use is refused with the migration's error (answered 503 by
 * the platform), and once it is, the same object works — the bundle's
 * components keep the reference they were given.
 */
final class RecoverableDatabase implements Database {
    private final DataSource store;
    private volatile Database working;
    private volatile MigrationFailedException failure;

    RecoverableDatabase(DataSource store) {
        this.store = store;
    }

    void works(Database database) {
        this.working = database;
        this.failure = null;
    }

    void fails(MigrationFailedException cause) {
        this.failure = cause;
        this.working = null;
    }

    private Database current() {
        Database database = working;
        if (database == null) {
            MigrationFailedException cause = failure;
            throw cause != null ? new MigrationFailedException(cause.getMessage(), cause)
                    : new MigrationFailedException("the schema is not migrated yet", null);
        }
        return database;
    }

    @Override
    public <T> T inTransaction(Function<SqlSession, T> work) {
        return current().inTransaction(work);
    }

    @Override
    public <T> T read(Function<SqlSession, T> work) {
        return current().read(work);
    }

    @Override
    public void afterCommit(Runnable work) {
        current().afterCommit(work);
    }

    @Override
    public DataSource dataSource() {
        return store;
    }
}
