package kz.qyzmet.documents.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.documents.api.Figure;

/** Key figures as they are kept beside the document: a JSON array of {label, value}. */
final class FigureJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Figure>> FIGURES = new TypeReference<>() {
    };

    private FigureJson() {
    }

    static String write(List<Figure> figures) {
        try {
            return figures == null || figures.isEmpty() ? null : JSON.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures of strings are always JSON", e);
        }
    }

    static List<Figure> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, FIGURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored key figures are not JSON", e);
        }
    }
}
