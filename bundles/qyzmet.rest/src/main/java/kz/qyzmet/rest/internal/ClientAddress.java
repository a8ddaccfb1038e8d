package kz.qyzmet.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.qyzmet.common.api.AddressRanges;

/**
 * The address a request really comes from. Rules §43 block addresses and the
 * journal records them, so the address must be one a client cannot choose:
 * it is the connection's peer, unless that peer is one of the configured trusted
 * reverse proxies ({@code qyzmet.http.trusted.proxies}); then the forwarding
 * headers ({@code Forwarded}, RFC 7239, else {@code X-Forwarded-For}) are read
 * from the right, skipping trusted hops, and the right-most untrusted hop counts.
 * Everything to its left was written by the client itself and is ignored.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String resolve(String peer, List<String> forwarded, List<String> forwardedFor, AddressRanges trustedProxies) {
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = forwarded != null && !forwarded.isEmpty() ? forwardedHops(forwarded) : listHops(forwardedFor);
        String nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!AddressRanges.isAddress(hop)) {
                // "unknown", an obfuscated name or garbage: nothing further left can be believed
                return nearest;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
            nearest = hop;
        }
        return nearest; // every hop is one of ours
    }

    private static List<String> listHops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        if (headers != null) {
            for (String header : headers) {
                for (String hop : header.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(node(hop.strip()));
                    }
                }
            }
        }
        return hops;
    }

    /** {@code for=192.0.2.60;proto=https, for="[2001:db8::17]:4711"}: the {@code for} node of each element. */
    private static List<String> forwardedHops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                String node = "";
                for (String pair : element.split(";")) {
                    String[] nameValue = pair.split("=", 2);
                    if (nameValue.length == 2 && nameValue[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                        node = node(nameValue[1].strip());
                    }
                }
                if (!element.isBlank()) {
                    hops.add(node);
                }
            }
        }
        return hops;
    }

    /** Strips quotes, IPv6 brackets and a port. */
    private static String node(String value) {
        String node = value;
        if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
            node = node.substring(1, node.length() - 1);
        }
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close < 0 ? node : node.substring(1, close);
        }
        int colon = node.indexOf(':');
        if (colon >= 0 && node.indexOf(':', colon + 1) < 0) {
            return node.substring(0, colon); // IPv4 with a port; a bare IPv6 has several colons
        }
        return node;
    }
}
