package kz.qyzmet.channel.telegram.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCodesTest {
    private final LinkCodes codes = new LinkCodes(filled(32, (byte) 7));

    private static byte[] filled(int length, byte value) {
        byte[] key = new byte[length];
        Arrays.fill(key, value);
        return key;
    }

    @Test
    void aCodeIsTwoGroupsOfFourWithoutLookAlikesAndTheSameForTheSameLink() {
        String id = UUID.randomUUID().toString();
        String code = codes.code(id);
        assertTrue(code.matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"), code);
        assertEquals(code, codes.code(id)); // shown again on the client's page while pending
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(codes.code(UUID.randomUUID().toString()));
        }
        assertTrue(seen.size() > 1990, "codes of different links differ: " + seen.size());
    }

    @Test
    void anotherKeyGivesOtherCodesAndOtherDigests() {
        LinkCodes other = new LinkCodes(filled(32, (byte) 8));
        assertNotEquals(codes.code("link-1"), other.code("link-1"));
        assertFalse(Arrays.equals(codes.digest("K7QM4TXZ"), other.digest("K7QM4TXZ")));
        assertArrayEquals(codes.digest("K7QM4TXZ"), codes.digest("K7QM4TXZ"));
        assertThrows(IllegalArgumentException.class, () -> new LinkCodes(new byte[16]));
    }

    @Test
    void whatAChatSendsReadsAsTheSameCodeHoweverItIsTyped() {
        assertEquals("K7QM4TXZ", LinkCodes.normalise("K7QM-4TXZ"));
        assertEquals("K7QM4TXZ", LinkCodes.normalise("/start K7QM4TXZ"));
        assertEquals("K7QM4TXZ", LinkCodes.normalise("  k7qm 4txz "));
        assertNull(LinkCodes.normalise("hello"));
        assertNull(LinkCodes.normalise("K7QM-4TX")); // too short
        assertNull(LinkCodes.normalise("K7QM-4TX0")); // 0 is not in the alphabet
        assertNull(LinkCodes.normalise(null));
    }

    @Test
    void theKeyIsMadeOnceReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("telegram").resolve("link.key");
        String code = LinkCodes.fromKeyFile(file).code("link-1");
        assertEquals(code, LinkCodes.fromKeyFile(file).code("link-1"), "the same key after a restart");
        assertEquals(32, Files.size(file));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    }
}
