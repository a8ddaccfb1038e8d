package kz.qyzmet.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifiersAndAddressesTest {

    @Test
    void oneIdentifierHowEverItIsTyped() {
        assertEquals(new Identifiers.Identifier(Identifiers.Kind.PHONE, "+77011234567"), Identifiers.parse("+7 (701) 123-45-67"));
        assertEquals(new Identifiers.Identifier(Identifiers.Kind.PHONE, "+77011234567"), Identifiers.parse("8 701 123 45 67"));
        assertEquals(new Identifiers.Identifier(Identifiers.Kind.EMAIL, "aigerim@mail.kz"), Identifiers.parse(" Aigerim@Mail.KZ "));
        assertEquals(new Identifiers.Identifier(Identifiers.Kind.LOGIN, "aigerim.s"), Identifiers.parse("Aigerim.S"));
        assertNull(Identifiers.parse("a"));
        assertNull(Identifiers.parse("not an@address"));
        assertNull(Identifiers.phone("+0123"));
    }

    @Test
    void argon2HashesVerifyAndKnowTheirParameters() {
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
        String hash = hasher.hash("Steppe-Strong-2026");
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertTrue(hasher.verify("Steppe-Strong-2026", hash));
        assertFalse(hasher.verify("Steppe-Strong-2027", hash));
        assertFalse(hasher.verify("anything", null));
        assertFalse(hasher.needsRehash(hash));
        assertTrue(new PasswordHasher(2048, 1, 1).needsRehash(hash), "a parameter change asks for a new hash");
    }
}
