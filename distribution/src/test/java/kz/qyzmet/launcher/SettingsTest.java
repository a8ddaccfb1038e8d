package kz.qyzmet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void environmentOverridesTheFileWhichOverridesDefaults(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("qyzmet.properties"),
                "qyzmet.https.port = 9443\nqyzmet.operator.key=from-file\nqyzmet.db.user=file-user\n", StandardCharsets.UTF_8);
        Settings settings = Settings.load(Map.of(
                "QYZMET_DATA_DIR", data.toString(),
                "QYZMET_OPERATOR_KEY", "from-environment",
                "QYZMET_DB_URL", "jdbc:mariadb://db:3306/qyzmet",
                "PATH", "/usr/bin"), new Properties());
        assertEquals("9443", settings.get(Settings.HTTPS_PORT), "file over default");
        assertEquals("from-environment", settings.get("qyzmet.operator.key"), "environment over file");
        assertEquals("file-user", settings.get(Settings.DB_USER));
        assertEquals("jdbc:mariadb://db:3306/qyzmet", settings.get(Settings.DB_URL));
        assertEquals(data.resolve("deploy").toString(), settings.get(Settings.DEPLOY_DIR));
        assertEquals(null, settings.get("path"), "only QYZMET_ variables are settings");
    }

    @Test
    void systemPropertiesOverrideTheEnvironment(@TempDir Path data) throws Exception {
        Properties system = new Properties();
        system.setProperty("qyzmet.https.port", "10443");
        system.setProperty("user.home", "/root");
        Settings settings = Settings.load(Map.of("QYZMET_DATA_DIR", data.toString(), "QYZMET_HTTPS_PORT", "9443"), system);
        assertEquals(10443, settings.port(Settings.HTTPS_PORT));
    }

    @Test
    void defaultsNeedNoConfiguration(@TempDir Path data) throws Exception {
        Settings settings = Settings.load(Map.of("QYZMET_DATA_DIR", data.toString()), new Properties());
        assertEquals(8443, settings.port(Settings.HTTPS_PORT));
        assertEquals(0, settings.port(Settings.HTTP_PORT), "no plain listener unless asked for");
        assertEquals(false, settings.has(Settings.DB_URL), "embedded database unless a URL is given");
        assertEquals("qyzmet-default", settings.get(Settings.FEATURES));
    }

    @Test
    void aBadPortIsRefusedWithItsName(@TempDir Path data) throws Exception {
        Settings settings = Settings.load(Map.of("QYZMET_DATA_DIR", data.toString(), "QYZMET_HTTPS_PORT", "eighty"),
                new Properties());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> settings.port(Settings.HTTPS_PORT));
        assertEquals("setting qyzmet.https.port must be a port number 0-65535, not 'eighty'", refused.getMessage());
    }
}
