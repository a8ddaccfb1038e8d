package kz.qyzmet.rest.internal;

import java.io.IOException;
import java.text.Normalizer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Every text a request brings is stored as the client will later see it on a
 * form or report (§45.4), so it is normalised to NFC and must not hide anything:
 * NUL and other control characters (but tab and line breaks), bidirectional
 * overrides and isolates (which make "Әсел" display as something else), and
 * unpaired surrogates are refused naming the field.
 */
final class CleanText extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    CleanText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING) {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_TRUE
                    || token == JsonToken.VALUE_FALSE) {
                return parser.getText(); // scalars given for a text field keep their text, as Jackson does
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getText();
        String problem = problem(text);
        if (problem != null) {
            throw InvalidFormatException.from(parser, problem, "", String.class);
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Why the text cannot be stored, or null. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "unpaired surrogate";
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c)) {
                return "control character";
            }
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                    || c == '\u061C') {
                return "bidirectional control";
            }
        }
        return null;
    }
}
