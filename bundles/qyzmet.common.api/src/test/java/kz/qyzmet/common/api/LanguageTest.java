package kz.qyzmet.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | RU",
            "'' | RU",
            "kk | KK",
            "kk-KZ | KK",
            "en-US,en;q=0.9 | EN",
            "de, en;q=0.5 | EN",
            "de, fr | RU",
            "ru;q=0.3, kk;q=0.8, en;q=0.5 | KK",
            "en;q=0, kk;q=0.1 | KK",
            "en;q=abc | RU",
            "* | RU"
    })
    void picksTheBestSupportedLanguageOrRussian(String header, Language expected) {
        assertEquals(expected, Language.fromAcceptLanguage(header));
    }

    @Test
    void localizedTextFillsPlaceholdersInEveryLanguage() {
        LocalizedText text = LocalizedText.of("{id} қызметі", "Сервис {id}", "Service {id}")
                .format(Map.of("id", "extract"));
        assertEquals("extract қызметі", text.in(Language.KK));
        assertEquals("Сервис extract", text.in(Language.RU));
        assertEquals("Service extract", text.in(Language.EN));
    }

    @Test
    void problemTypesHaveStableUris() {
        assertEquals("https://qyzmet.kz/problems/service-disabled",
                new ProblemType("service-disabled", LocalizedText.of("a", "b", "c")).uri());
        assertThrows(IllegalArgumentException.class, () -> new ProblemType("Bad Slug", LocalizedText.of("a", "b", "c")));
    }
}
