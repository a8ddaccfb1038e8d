package kz.qyzmet.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsConfigurerTest {

    @Test
    void settingsBecomeConfigurationsByArea() {
        Map<String, Map<String, String>> byPid = SettingsConfigurer.byPid(Map.of(
                "qyzmet.db.url", "jdbc:mariadb://localhost/qyzmet",
                "qyzmet.db.pool.size", "4",
                "qyzmet.operator.key", "secret",
                "qyzmet.data", "ignored: no name within the area",
                "other.setting", "ignored: not ours"));
        assertEquals(Map.of(
                "kz.qyzmet.db", Map.of("url", "jdbc:mariadb://localhost/qyzmet", "pool.size", "4"),
                "kz.qyzmet.operator", Map.of("key", "secret")), byPid);
    }
}
