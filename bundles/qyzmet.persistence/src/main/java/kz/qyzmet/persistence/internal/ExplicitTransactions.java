package kz.qyzmet.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.TransactionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;

/**
 * Transactions without switching autocommit. MyBatis' own JDBC transactions call
 * {@code setAutoCommit(false)} before and {@code setAutoCommit(true)} after every
 * transaction: two extra round trips to MariaDB each time (measured: a login spent
 * more time on them than on its statements). Pooled connections stay in autocommit;
 * a transaction is opened with {@code START TRANSACTION} and ended with
 * {@code COMMIT} or {@code ROLLBACK}, one round trip each. Read-only sessions run in
 * autocommit: under READ COMMITTED every statement reads its own snapshot anyway.
 */
final class ExplicitTransactions implements TransactionFactory {

    /**
     * A session on the connection of a transaction already open on this thread
     * ({@link AmbientTransaction}): it neither commits, rolls back nor closes the
     * connection; the outermost transaction does.
     */
    @Override
    public Transaction newTransaction(Connection connection) {
        return new Joined(connection);
    }

    private record Joined(Connection connection) implements Transaction {
        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void close() {
        }

        @Override
        public Integer getTimeout() {
            return null;
        }
    }

    @Override
    public Transaction newTransaction(DataSource dataSource, TransactionIsolationLevel level, boolean autoCommit) {
        return autoCommit ? new JdbcTransaction(dataSource, level, true) : new Explicit(dataSource);
    }

    private static final class Explicit implements Transaction {
        private final DataSource dataSource;
        private Connection connection;
        private boolean open;

        Explicit(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (connection == null) {
                connection = dataSource.getConnection();
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true); // a pool configured otherwise: back to the convention
                }
            }
            if (!open) {
                execute("START TRANSACTION");
                open = true;
            }
            return connection;
        }

        @Override
        public void commit() throws SQLException {
            end("COMMIT");
        }

        @Override
        public void rollback() throws SQLException {
            end("ROLLBACK");
        }

        @Override
        public void close() throws SQLException {
            if (connection == null) {
                return;
            }
            try {
                end("ROLLBACK"); // whatever was neither committed nor rolled back
            } finally {
                connection.close();
                connection = null;
            }
        }

        @Override
        public Integer getTimeout() {
            return null;
        }

        private void end(String statement) throws SQLException {
            if (open) {
                open = false;
                execute(statement);
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
