package kz.qyzmet.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Constants;

import kz.qyzmet.launcher.EmbeddedDatabase;
import kz.qyzmet.launcher.FeatureBundles;
import kz.qyzmet.launcher.Platform;
import kz.qyzmet.launcher.Settings;

/**
 * Driver side of the integration tests: one real embedded MariaDB for the whole
 * test run (a database of its own per test class), and the Pax Exam options of
 * a platform built from the same feature files and bundle repository as the
 * executable jar, so the tests run exactly what ships.
 */
public final class ItPlatform {
    private static final Path TARGET = Path.of(System.getProperty("qyzmet.it.target", "target")).toAbsolutePath();
    private static EmbeddedDatabase database;

    private ItPlatform() {
    }

    static synchronized EmbeddedDatabase database() throws Exception {
        if (database == null) {
            database = EmbeddedDatabase.start(TARGET.resolve("it-mariadb"), 0, TARGET.resolve("it-mariadb-secrets")
                    .resolve(kz.qyzmet.launcher.DatabaseAccounts.FILE));
            EmbeddedDatabase started = database;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "it-mariadb-stop"));
        }
        return database;
    }

    /** An empty schema and its audit store on the tests' MariaDB, granted to the platform's accounts; its name. */
    static String freshSchema(String name) throws Exception {
        String schema = "it_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_");
        try (Connection connection = database().dataSource("").getConnection(); Statement statement = connection.createStatement()) {
            for (String database : new String[] { schema, schema + "_audit_store" }) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
                statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            // the platform's own accounts, as on a real installation: runtime, migration owner, audit writer
            kz.qyzmet.launcher.DatabaseAccounts.grantSchemas(statement, "127.0.0.1", schema, schema + "_audit_store");
        }
        return schema;
    }

    /** The settings that put a platform on a schema of the tests' MariaDB, as nodes of one cluster share it. */
    static Settings onSharedDatabase(Settings settings, String schema) throws Exception {
        EmbeddedDatabase db = database();
        return Platform.withAccounts(settings, db.accounts(), "jdbc:mariadb://127.0.0.1:" + db.port() + "/" + schema,
                "jdbc:mariadb://127.0.0.1:" + db.port() + "/" + schema + "_audit_store");
    }

    /** Options for a platform of the given features with its own database, data directory and ports. */
    public static Option[] options(String name, List<String> features, Map<String, String> extraSettings)
            throws Exception {
        EmbeddedDatabase db = database();
        String schema = freshSchema(name);
        Path dataDir = TARGET.resolve("it-data").resolve(name);
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);

        java.util.Properties system = new java.util.Properties();
        system.setProperty(Settings.DATA_DIR, dataDir.toString());
        system.setProperty(Settings.HTTPS_PORT, String.valueOf(freePort()));
        // the test itself may tamper with the database as its administrator (ItSupport.administrator)
        system.setProperty("qyzmet.it.db.url", "jdbc:mariadb://127.0.0.1:" + db.port() + "/" + schema);
        system.setProperty("qyzmet.it.db.password", db.accounts().rootPassword());
        system.setProperty(Settings.FEATURES, String.join(",", features));
        system.setProperty("qyzmet.auth.admin.password", ItSupport.ADMIN_PASSWORD);
        system.setProperty("qyzmet.auth.admin.phone", ItSupport.ADMIN_PHONE);
        extraSettings.forEach(system::setProperty);
        Settings settings = Platform.withAccounts(Settings.load(Map.of(), system), db.accounts(),
                "jdbc:mariadb://127.0.0.1:" + db.port() + "/" + schema,
                "jdbc:mariadb://127.0.0.1:" + db.port() + "/" + schema + "_audit_store");

        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, String> property : Platform.frameworkProperties(settings).entrySet()) {
            String key = property.getKey();
            // Pax Exam owns the framework's storage and system packages
            if (key.startsWith("org.osgi.framework.storage") || key.equals(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA)) {
                continue;
            }
            options.add(frameworkProperty(key).value(property.getValue()));
        }
        options.add(systemPackages(Platform.systemPackages().toArray(String[]::new)));
        FeatureBundles featureBundles = new FeatureBundles(FeatureBundles.directories(
                Path.of(System.getProperty("qyzmet.features.dir")), Path.of(System.getProperty("qyzmet.repository"))));
        for (FeatureBundles.ResolvedBundle resolved : featureBundles.resolve(Arrays.asList(settings.get(Settings.FEATURES).split(",")))) {
            options.add(bundle(resolved.location().toExternalForm()));
        }
        options.add(junitBundles());
        return options.toArray(Option[]::new);
    }

    /**
     * Like {@link #options}, plus PDFBox and Commons CSV in the framework: the tests read the
     * PDFs and CSVs the platform issues with libraries other than the one that wrote them.
     */
    public static Option[] optionsWithPdfReader(String name, List<String> features, Map<String, String> extraSettings)
            throws Exception {
        List<Option> options = new ArrayList<>(Arrays.asList(options(name, features, extraSettings)));
        for (String jar : System.getProperty("qyzmet.it.pdfbox").split(",")) {
            options.add(bundle(Path.of(jar).toUri().toString()));
        }
        return options.toArray(Option[]::new);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Copies the files under {@code from} to {@code to}, directories included. */
    static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
