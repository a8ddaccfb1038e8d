package kz.qyzmet.common.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the JSON object of an RFC 9457 problem in one language. Extension
 * members never override the standard ones.
 */
public final class Problem {
    private Problem() {
    }

    public static Map<String, Object> body(ProblemType type, int status, LocalizedText detail,
            Map<String, ?> extensions, Language language, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title().in(language));
        body.put("status", status);
        body.put("detail", detail.in(language));
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("language", language.tag());
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
