package kz.qyzmet.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The platform's settings, from lowest to highest precedence: built-in defaults,
 * {@code <data dir>/qyzmet.properties}, environment variables {@code QYZMET_*}
 * ({@code QYZMET_DB_URL} is {@code qyzmet.db.url}), and {@code -Dqyzmet.*}
 * system properties. Every {@code qyzmet.<area>.<name>} setting reaches the
 * components as property {@code <name>} of configuration {@code kz.qyzmet.<area>}.
 */
public final class Settings {
    public static final String DATA_DIR = "qyzmet.data.dir";
    public static final String DEPLOY_DIR = "qyzmet.deploy.dir";
    public static final String HTTPS_PORT = "qyzmet.https.port";
    public static final String HTTPS_KEYSTORE = "qyzmet.https.keystore";
    public static final String HTTPS_KEYSTORE_PASSWORD = "qyzmet.https.keystore.password";
    public static final String HTTPS_KEYSTORE_TYPE = "qyzmet.https.keystore.type";
    public static final String HTTPS_KEY_PASSWORD = "qyzmet.https.key.password";
    public static final String HTTP_PORT = "qyzmet.http.port";
    public static final String DB_URL = "qyzmet.db.url";
    public static final String DB_USER = "qyzmet.db.user";
    public static final String DB_PASSWORD = "qyzmet.db.password";
    public static final String DB_EMBEDDED_PORT = "qyzmet.db.embedded.port";
    public static final String AUDIT_STORE_URL = "qyzmet.auditstore.url";
    public static final String FEATURES = "qyzmet.features";
    public static final String FILE_NAME = "qyzmet.properties";

    private static final Map<String, String> DEFAULTS = Map.of(
            DATA_DIR, "data",
            HTTPS_PORT, "8443",
            HTTP_PORT, "0",
            FEATURES, "qyzmet-default",
            DB_EMBEDDED_PORT, "0");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Settings from the real environment and system properties. */
    public static Settings load() throws IOException {
        return load(System.getenv(), System.getProperties());
    }

    public static Settings load(Map<String, String> environment, Properties systemProperties) throws IOException {
        Map<String, String> overrides = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("QYZMET_") && name.length() > "QYZMET_".length()) {
                overrides.put(fromEnvironmentName(name), value);
            }
        });
        systemProperties.stringPropertyNames().stream().filter(name -> name.startsWith("qyzmet."))
                .forEach(name -> overrides.put(name, systemProperties.getProperty(name)));

        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        Path dataDir = Path.of(overrides.getOrDefault(DATA_DIR, DEFAULTS.get(DATA_DIR)));
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Properties fromFile = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(reader);
            }
            fromFile.stringPropertyNames().forEach(name -> merged.put(name, fromFile.getProperty(name).trim()));
        }
        merged.putAll(overrides);
        merged.put(DATA_DIR, dataDir.toAbsolutePath().normalize().toString());
        merged.putIfAbsent(DEPLOY_DIR, dataDir.resolve("deploy").toAbsolutePath().normalize().toString());
        return new Settings(merged);
    }

    /** {@code QYZMET_DB_URL} → {@code qyzmet.db.url}. */
    static String fromEnvironmentName(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public Settings with(String key, String value) {
        Map<String, String> changed = new TreeMap<>(values);
        changed.put(key, value);
        return new Settings(changed);
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        String value = values.get(key);
        return value != null && !value.isBlank();
    }

    public int port(String key) {
        String value = values.get(key);
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting " + key + " must be a port number 0-65535, not '" + value + "'");
        }
    }

    public Path path(String key) {
        return Path.of(values.get(key));
    }

    public Map<String, String> all() {
        return values;
    }
}
