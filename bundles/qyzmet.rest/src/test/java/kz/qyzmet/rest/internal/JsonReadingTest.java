package kz.qyzmet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** Issue #11 items 7 and 10: numbers bounded at parse time, duplicate keys and hidden characters refused. */
class JsonReadingTest {
    record Payment(String account, BigDecimal amount) {
    }

    private final ObjectMapper json = JsonProvider.objectMapper();

    @Test
    void plainDecimalsReadExactlyFromStringsAndNumbers() throws Exception {
        assertEquals(new BigDecimal("250.50"), json.readValue("{\"amount\":\"250.50\"}", Payment.class).amount());
        assertEquals(new BigDecimal("-7"), json.readValue("{\"amount\":-7}", Payment.class).amount());
    }

    @Test
    void hugeOrExponentNumbersAreRefusedAtOnce() {
        for (String amount : new String[] { "\"1234567890123456789012345678901234567890\"", "1e308", "1e999999999",
                "\"1e999999999\"", "\"0.1234567890123456789\"", "\"NaN\"", "\"\"" }) {
            InvalidFormatException refused = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThrows(
                    InvalidFormatException.class, () -> json.readValue("{\"amount\":" + amount + "}", Payment.class)), amount);
            assertEquals("amount", refused.getPath().get(0).getFieldName());
        }
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        JsonParseException refused = assertThrows(JsonParseException.class,
                () -> json.readValue("{\"amount\":\"1\",\"amount\":\"1000\"}", Payment.class));
        assertEquals("Duplicate field 'amount'", refused.getOriginalMessage());
    }

    @Test
    void textIsNormalisedAndMayHideNothing() throws Exception {
        // "Ә" as A-with-combining... is stored composed (NFC)
        assertEquals("\u00C5", json.readValue("{\"account\":\"A\\u030A\"}", Payment.class).account());
        assertEquals("line\nbreak", json.readValue("{\"account\":\"line\\nbreak\"}", Payment.class).account());
        for (String hidden : new String[] { "a\\u0000b", "a\\u0007", "\\u202Eevil", "x\\u2066y", "\\uD800", "\\uDC00x" }) {
            assertThrows(InvalidFormatException.class, () -> json.readValue("{\"account\":\"" + hidden + "\"}", Payment.class),
                    hidden);
        }
    }
}
