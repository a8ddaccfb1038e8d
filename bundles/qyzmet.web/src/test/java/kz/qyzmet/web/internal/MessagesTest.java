package kz.qyzmet.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import kz.qyzmet.common.api.Language;

/** Issue #14: kk, ru and en everywhere — every language has every key, and every key a template asks for exists. */
class MessagesTest {
    private static final Pattern USED = Pattern.compile("t\\[\"([a-zA-Z.]+)\"\\]");

    @Test
    void everyLanguageHasEveryKeyAndNoValueIsEmpty() {
        Messages messages = new Messages();
        Set<String> kazakh = messages.of(Language.KK).keySet();
        for (Language language : Language.values()) {
            assertEquals(kazakh, messages.of(language).keySet(), language + " has the same keys as kk");
            messages.of(language).forEach((key, value) -> assertFalse(value.isBlank(), language + " " + key + " is empty"));
        }
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".ftlh")).toList()) {
                Matcher matcher = USED.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(new Messages().of(Language.RU).keySet());
        assertEquals(Set.of(), missing, "keys the templates use but no language has");
    }
}
