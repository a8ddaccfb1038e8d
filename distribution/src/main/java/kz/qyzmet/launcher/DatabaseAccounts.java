package kz.qyzmet.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

/**
 * The accounts the platform's database is used with (rules §45: no means to
 * alter operations, journal or documents, enforced by privileges as well as by
 * triggers):
 * <ul>
 * <li>{@value #OWNER}: runs the migrations (DDL, triggers) and grants the roles
 * below what each table needs; nothing else uses it;</li>
 * <li>{@value #RUNTIME}, with role {@value #RUNTIME_ROLE}: every runtime
 * connection. The bundles' migrations grant the role table by table: insert and
 * read only for the ledger's entries and postings, the journal and issued
 * documents, column by column where a row may change (an instruction's status,
 * never its content). It holds no TRIGGER, ALTER or DROP privilege;</li>
 * <li>{@value #AUDIT}, with role {@value #AUDIT_ROLE}: writes the journal's copy
 * on the second store (rules §33), insert and read only.</li>
 * </ul>
 * The same statements set up an external MariaDB (README shows them).
 */
public final class DatabaseAccounts {
    public static final String OWNER = "qyzmet_owner";
    public static final String RUNTIME = "qyzmet_app";
    public static final String AUDIT = "qyzmet_audit";
    public static final String RUNTIME_ROLE = "qyzmet_runtime";
    public static final String AUDIT_ROLE = "qyzmet_audit_writer";
    /** Where the generated passwords live in the data directory (owner-only). */
    public static final String FILE = "database.properties";

    private final Properties passwords;

    private DatabaseAccounts(Properties passwords) {
        this.passwords = passwords;
    }

    public String password(String account) {
        return passwords.getProperty(account + ".password");
    }

    public String rootPassword() {
        return passwords.getProperty("root.password");
    }

    static boolean exist(Path file) {
        return Files.isRegularFile(file);
    }

    static DatabaseAccounts read(Path file) throws IOException {
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            passwords.load(reader);
        }
        return new DatabaseAccounts(passwords);
    }

    /** New random passwords, written owner-only before any account is changed. */
    static DatabaseAccounts generate(Path file) throws IOException {
        Properties passwords = new Properties();
        for (String account : new String[] { "root", OWNER, RUNTIME, AUDIT }) {
            passwords.setProperty(account + ".password", randomPassword());
        }
        StringBuilder content = new StringBuilder("# generated at the first start; the database's accounts (README)\n");
        passwords.stringPropertyNames().stream().sorted()
                .forEach(key -> content.append(key).append('=').append(passwords.getProperty(key)).append('\n'));
        OwnerOnlyFiles.write(file, content.toString());
        return new DatabaseAccounts(passwords);
    }

    private static String randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Creates (or resets) the accounts and roles, and gives the owner the schemas.
     * Run by the database's administrator; safe to run again.
     *
     * @param host the host part of the accounts, e.g. {@code 127.0.0.1}
     */
    void apply(Connection administrator, String host, String schema, String auditSchema) throws SQLException {
        try (Statement sql = administrator.createStatement()) {
            sql.execute("CREATE ROLE IF NOT EXISTS " + RUNTIME_ROLE);
            sql.execute("CREATE ROLE IF NOT EXISTS " + AUDIT_ROLE);
            for (String account : new String[] { OWNER, RUNTIME, AUDIT }) {
                String user = "'" + account + "'@'" + host + "'";
                sql.execute("CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + password(account) + "'");
                sql.execute("ALTER USER " + user + " IDENTIFIED BY '" + password(account) + "'");
            }
            grantSchemas(sql, host, schema, auditSchema);
            sql.execute("GRANT " + RUNTIME_ROLE + " TO '" + RUNTIME + "'@'" + host + "'");
            sql.execute("SET DEFAULT ROLE " + RUNTIME_ROLE + " FOR '" + RUNTIME + "'@'" + host + "'");
            sql.execute("GRANT " + AUDIT_ROLE + " TO '" + AUDIT + "'@'" + host + "'");
            sql.execute("SET DEFAULT ROLE " + AUDIT_ROLE + " FOR '" + AUDIT + "'@'" + host + "'");
        }
    }

    /**
     * The owner may do everything in the two schemas and grant the roles table privileges there;
     * the roles may read their schema (so they can connect to it before any table exists), and
     * write only what the migrations grant them table by table.
     */
    public static void grantSchemas(Statement sql, String host, String schema, String auditSchema) throws SQLException {
        sql.execute("CREATE ROLE IF NOT EXISTS " + RUNTIME_ROLE);
        sql.execute("CREATE ROLE IF NOT EXISTS " + AUDIT_ROLE);
        for (String database : new String[] { schema, auditSchema }) {
            sql.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + OWNER + "'@'" + host + "' WITH GRANT OPTION");
        }
        sql.execute("GRANT SELECT ON `" + schema + "`.* TO " + RUNTIME_ROLE);
        sql.execute("GRANT SELECT ON `" + auditSchema + "`.* TO " + AUDIT_ROLE);
    }
}
