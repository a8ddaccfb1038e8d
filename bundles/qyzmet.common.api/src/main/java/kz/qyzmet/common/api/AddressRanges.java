package kz.qyzmet.common.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of IP addresses and CIDR ranges (IPv4 and IPv6), e.g. the broker's
 * offices that §43 never blocks, or the reverse proxies whose forwarding headers
 * are believed. Only IP literals are read; DNS is never asked.
 */
public final class AddressRanges {
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Comma-separated IPs or CIDRs; blank entries are ignored, a malformed one is refused. */
    public static AddressRanges parse(String list) {
        List<Range> ranges = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split(",")) {
                String trimmed = entry.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] parts = trimmed.split("/", 2);
                byte[] network = literal(parts[0]);
                if (network == null) {
                    throw new IllegalArgumentException("not an IP address or CIDR range: " + trimmed);
                }
                int prefix;
                try {
                    prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : network.length * 8;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a CIDR prefix: " + trimmed);
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("prefix out of range: " + trimmed);
                }
                ranges.add(new Range(network, prefix));
            }
        }
        return new AddressRanges(List.copyOf(ranges));
    }

    /** Whether the address (an IP literal) lies in one of the ranges. */
    public boolean contains(String address) {
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    /** Parses IP literals only; never asks DNS. */
    /** Whether the text is an IP literal at all. */
    public static boolean isAddress(String text) {
        return literal(text) != null;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    private static byte[] literal(String text) {
        if (text == null || text.isBlank() || !text.strip().matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text.strip()).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
