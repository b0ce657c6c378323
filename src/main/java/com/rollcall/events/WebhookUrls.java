package com.rollcall.events;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which webhook URLs Rollcall will call (server-side request forgery): absolute {@code http} or {@code https} URLs
 * with a host and no user info, at most 2,048 characters; and, unless the host is on the allow-list
 * ({@code rollcall.webhooks.allowedPrivateHosts}, comma-separated host names or IP literals; empty by default), a
 * host that resolves only to public addresses: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16 — cloud metadata — and fe80::/10), unspecified, multicast and carrier-grade NAT (100.64/10) addresses
 * are refused. The check runs when an endpoint is saved and again before each delivery (a name that re-resolves to a
 * private address is refused then), and redirects are never followed.
 */
public final class WebhookUrls {
    public static final int MAX_LENGTH = 2048;

    private final Set<String> allowed;

    public WebhookUrls(String allowList) {
        allowed = allowList == null ? Set.of() : Arrays.stream(allowList.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Why this URL is refused, in words; empty when it may be called. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("'url' is required.");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("'url' must be at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("'url' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("'url' must be an http or https URL.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("'url' must name a host, without user info or fragment.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("The host '" + host + "' of 'url' does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("The host '" + host + "' of 'url' resolves to a private, loopback or link-local address ("
                        + address.getHostAddress() + "); Rollcall only calls public addresses.");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 0;
    }
}
