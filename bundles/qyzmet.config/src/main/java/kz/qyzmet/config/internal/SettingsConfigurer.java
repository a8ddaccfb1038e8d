package kz.qyzmet.config.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the launcher's settings to ConfigAdmin. The launcher merges defaults,
 * {@code <data>/qyzmet.properties} and {@code QYZMET_*} environment variables and
 * passes them as framework properties, naming them in {@value #SETTINGS_KEYS}.
 * A setting {@code qyzmet.<area>.<name>} becomes property {@code <name>} of the
 * configuration {@code kz.qyzmet.<area>}, which the components read through
 * typed configuration ({@code @ObjectClassDefinition}).
 */
@Component(immediate = true)
public class SettingsConfigurer {
    static final String SETTINGS_KEYS = "qyzmet.settings";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsConfigurer.class);

    @Activate
    public SettingsConfigurer(@Reference ConfigurationAdmin configurationAdmin, BundleContext context) {
        Map<String, String> settings = new LinkedHashMap<>();
        String keys = context.getProperty(SETTINGS_KEYS);
        if (keys != null) {
            for (String key : keys.split(",")) {
                String name = key.trim();
                String value = context.getProperty(name);
                if (!name.isEmpty() && value != null) {
                    settings.put(name, value);
                }
            }
        }
        byPid(settings).forEach((pid, properties) -> apply(configurationAdmin, pid, properties));
    }

    /** Groups settings {@code qyzmet.<area>.<name>} into configurations {@code kz.qyzmet.<area>}. */
    static Map<String, Map<String, String>> byPid(Map<String, String> settings) {
        Map<String, Map<String, String>> byPid = new TreeMap<>();
        settings.forEach((key, value) -> {
            String[] parts = key.split("\\.", 3);
            if (parts.length == 3 && parts[0].equals("qyzmet") && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                byPid.computeIfAbsent("kz.qyzmet." + parts[1], pid -> new TreeMap<>()).put(parts[2], value);
            }
        });
        return byPid;
    }

    private static void apply(ConfigurationAdmin configurationAdmin, String pid, Map<String, String> properties) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
            Dictionary<String, Object> dictionary = new Hashtable<>(properties);
            if (configuration.updateIfDifferent(dictionary)) {
                LOG.debug("configuration {} set from settings {}", pid, properties.keySet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store configuration " + pid, e);
        }
    }
}
