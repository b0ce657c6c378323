package com.rollcall.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Rollcall believes
 * ({@code rollcall.trusted.proxies} / {@code ROLLCALL_TRUSTED_PROXIES}: comma-separated addresses or CIDR ranges,
 * IPv4 or IPv6; none by default). Anyone can send those headers; only a proxy we run may tell us who its client was.
 * Pure: literal addresses only, never a name lookup.
 */
public final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Who the caller is: the client's address, and the trusted proxy it came through (null when it came directly). */
    public record Origin(String clientAddress, String proxyAddress, boolean secure) {
    }

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
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Trusts nobody: the headers count for nothing. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Parses the configured list ("10.0.0.0/8, 192.168.1.10, fd00::/8"); a blank or absent value trusts nobody.
     * An entry that is not an address or a CIDR range is refused with {@link IllegalArgumentException} naming it, so
     * a typo never silently trusts (or distrusts) a proxy.
     */
    public static TrustedProxies parse(String configured) {
        List<Range> ranges = new ArrayList<>();
        if (configured != null) {
            for (String entry : configured.split(",")) {
                String text = entry.strip();
                if (text.isEmpty()) {
                    continue;
                }
                int slash = text.indexOf('/');
                byte[] network = literal(slash < 0 ? text : text.substring(0, slash))
                        .orElseThrow(() -> new IllegalArgumentException("not an address or CIDR range: " + text));
                int prefix = network.length * 8;
                if (slash >= 0) {
                    try {
                        prefix = Integer.parseInt(text.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a CIDR prefix length: " + text);
                    }
                    if (prefix < 0 || prefix > network.length * 8) {
                        throw new IllegalArgumentException("CIDR prefix length out of range: " + text);
                    }
                }
                ranges.add(new Range(network, prefix));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether this address (a literal) belongs to a trusted proxy. */
    public boolean trusts(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /**
     * Who sent a request that reached us from {@code peer} (the address of the connection) with these
     * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} header values (each header may repeat; null or empty when
     * absent). From an untrusted peer the headers count for nothing: the peer is the client. From a trusted one, the
     * client is the right-most address of the chain that no trusted proxy vouches for (every proxy appends the
     * address it saw, so anything to the left of an untrusted hop may be forged); the peer is the proxy. A chain with
     * an entry that is not an address counts for nothing. The request counts as sent over TLS when it was, or when the
     * trusted peer says so ({@code https}, the right-most value).
     */
    public Origin resolve(String peer, List<String> forwardedFor, List<String> forwardedProto, boolean tls) {
        if (!trusts(peer)) {
            return new Origin(peer, null, tls);
        }
        boolean secure = tls || lastValue(forwardedProto).map(p -> p.equalsIgnoreCase("https")).orElse(false);
        List<String> chain = entries(forwardedFor);
        if (chain.isEmpty() || chain.stream().anyMatch(a -> literal(a).isEmpty())) {
            return new Origin(peer, null, secure);
        }
        String client = chain.get(0);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trusts(chain.get(i))) {
                client = chain.get(i);
                break;
            }
        }
        return new Origin(canonical(client), peer, secure);
    }

    private static Optional<String> lastValue(List<String> values) {
        List<String> all = entries(values);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The comma-separated entries of every value of a header, in order, blanks dropped, ports and brackets removed. */
    private static List<String> entries(List<String> values) {
        List<String> entries = new ArrayList<>();
        if (values == null) {
            return entries;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(TrustedProxies::withoutPort).forEach(entries::add);
        }
        return entries;
    }

    /** "203.0.113.9:5678" → "203.0.113.9"; "[2001:db8::1]:443" → "2001:db8::1"; anything else as it is. */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end < 0 ? entry : entry.substring(1, end);
        }
        int colon = entry.indexOf(':');
        if (colon > 0 && colon == entry.lastIndexOf(':') && IPV4.matcher(entry.substring(0, colon)).matches()) {
            return entry.substring(0, colon);
        }
        return entry;
    }

    private static String canonical(String address) {
        return literal(address).map(bytes -> {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                return address;
            }
        }).orElse(address);
    }

    /** The bytes of a literal IPv4 or IPv6 address (an IPv4-mapped IPv6 address as IPv4); empty for anything else. */
    static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip().toLowerCase(Locale.ROOT);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (IPV4.matcher(address).matches()) {
            String[] parts = address.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(bytes);
        }
        if (address.length() > 45 || !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            // an IPv6 literal (it has a colon): InetAddress parses it without any name lookup
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
