package kz.qyzmet.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import kz.qyzmet.common.api.Language;

/**
 * The words of the pages in kk, ru and en ({@code messages/<tag>.properties},
 * UTF-8). Every language has every key ({@code MessagesTest}); a page that asks
 * for a key none has fails its render rather than show a key to a client.
 */
final class Messages {
    private final Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);

    Messages() {
        for (Language language : Language.values()) {
            texts.put(language, load(language));
        }
    }

    Map<String, String> of(Language language) {
        return texts.get(language);
    }

    private static Map<String, String> load(Language language) {
        String resource = "/messages/" + language.tag() + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new TreeMap<>();
            properties.forEach((key, value) -> map.put(String.valueOf(key), String.valueOf(value)));
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
