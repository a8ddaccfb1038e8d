package kz.qyzmet.common.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressRangesTest {

    @Test
    void addressesMatchByIpOrRange() {
        AddressRanges offices = AddressRanges.parse("10.20.0.0/16, 192.0.2.7, 2001:db8::/32");
        assertTrue(offices.contains("10.20.255.1"));
        assertFalse(offices.contains("10.21.0.1"));
        assertTrue(offices.contains("192.0.2.7"));
        assertFalse(offices.contains("192.0.2.8"));
        assertTrue(offices.contains("2001:db8::1"));
        assertFalse(offices.contains("2001:db9::1"));
        assertFalse(offices.contains("office.example.kz"), "host names are never resolved");
        assertFalse(AddressRanges.parse("").contains("127.0.0.1"));
        assertTrue(AddressRanges.parse("").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("proxy.example.kz"));
    }
}
