package kz.qyzmet.instructions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** RFC 8785 canonical form and its digest (rules §25.2: the code confirms exactly this content). */
class CanonicalContentTest {
    @Test
    void keyOrderAndWhitespaceDoNotChangeTheDigest() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", "Қ");
        one.put("a", Map.of("y", 1, "x", List.of(true, "2.50")));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("a", Map.of("x", List.of(true, "2.50"), "y", 1));
        other.put("b", "Қ");
        assertEquals("{\"a\":{\"x\":[true,\"2.50\"],\"y\":1},\"b\":\"Қ\"}", CanonicalContent.canonical(one));
        assertEquals(CanonicalContent.sha256(CanonicalContent.canonical(one)),
                CanonicalContent.sha256(CanonicalContent.canonical(other)));
    }

    @Test
    void rfc8785NumbersAndKeyOrderByUtf16() {
        // RFC 8785 §3.2.2.3: 1e+21 style for large numbers, shortest round-trip otherwise; §3.2.3: sort by UTF-16 code units
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("\u20ac", 1);
        content.put("\r", 2);
        content.put("1", 3);
        content.put("number", 1.0E21);
        content.put("small", 0.000001);
        assertEquals("{\"\\r\":2,\"1\":3,\"number\":1e+21,\"small\":0.000001,\"€\":1}", CanonicalContent.canonical(content));
    }

    @Test
    void oneChangedCharacterChangesTheDigest() {
        String original = CanonicalContent.canonical(Map.of("amount", "150000.00", "account", "DEMO-0001"));
        String changed = CanonicalContent.canonical(Map.of("amount", "150000.01", "account", "DEMO-0001"));
        assertNotEquals(CanonicalContent.sha256(original), CanonicalContent.sha256(changed));
        assertEquals(64, CanonicalContent.sha256(original).length());
    }
}
