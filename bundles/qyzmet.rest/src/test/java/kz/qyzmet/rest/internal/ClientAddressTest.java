package kz.qyzmet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import kz.qyzmet.common.api.AddressRanges;

/** Rules §43 block by address: the address must be one a client cannot choose (issue #11, item 1). */
class ClientAddressTest {
    private static final AddressRanges PROXIES = AddressRanges.parse("10.0.0.0/8, 2001:db8:1::/48");

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of(), List.of("1.2.3.4"), AddressRanges.parse("")));
    }

    @Test
    void anUntrustedPeerCannotForgeItsAddress() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("for=1.2.3.4"), List.of("1.2.3.4"), PROXIES));
    }

    @Test
    void theRightMostUntrustedHopCounts() {
        // the client wrote "1.2.3.4" itself; our proxy appended the address it saw
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.5", List.of(), List.of("1.2.3.4, 198.51.100.7"), PROXIES));
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.5", List.of(),
                List.of("1.2.3.4", "198.51.100.7, 10.0.0.6"), PROXIES));
    }

    @Test
    void forwardedIsPreferredAndItsNodesAreParsed() {
        assertEquals("2001:db8:cafe::17", ClientAddress.resolve("10.0.0.5",
                List.of("for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\""), List.of("9.9.9.9"), PROXIES));
        assertEquals("192.0.2.60", ClientAddress.resolve("10.0.0.5", List.of("for=192.0.2.60:1234;by=10.0.0.5"), List.of(), PROXIES));
    }

    @Test
    void garbageStopsTheWalkAtTheNearestTrustedHop() {
        assertEquals("10.0.0.6", ClientAddress.resolve("10.0.0.5", List.of(), List.of("1.2.3.4, unknown, 10.0.0.6"), PROXIES));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", List.of(), List.of(), PROXIES));
    }
}
