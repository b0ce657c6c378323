package com.rollcall.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.platform.security.TrustedProxies.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** X-Forwarded-For counts only from trusted proxies, and then its right-most untrusted address is the client. */
class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse(" 127.0.0.1, 10.0.0.0/8 ,fd00::/8, 192.168.4.0/23");

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, true", "127.0.0.2, false", "10.255.1.2, true", "11.0.0.1, false", "fd12::1, true",
            "fe80::1, false", "192.168.5.7, true", "192.168.6.1, false", "::ffff:10.1.1.1, true", "[fd00::2], true",
            "not-an-address, false", "999.1.1.1, false"})
    void trustsTheConfiguredAddressesAndRanges(String address, boolean trusted) {
        assertEquals(trusted, proxies.trusts(address));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "198.51.100.7, 203.0.113.9, 10.1.2.3|203.0.113.9",
            "203.0.113.9|203.0.113.9",
            "203.0.113.9:5678|203.0.113.9",
            "[2001:db8::7]:443, 10.0.0.5|2001:db8:0:0:0:0:0:7",
            "10.0.0.9, 10.0.0.5|10.0.0.9",
    })
    void theClientIsTheRightMostAddressNoTrustedProxyVouchesFor(String forwardedFor, String client) {
        Origin origin = proxies.resolve("127.0.0.1", List.of(forwardedFor), List.of(), false);
        assertEquals(client, origin.clientAddress());
        assertEquals("127.0.0.1", origin.proxyAddress());
    }

    @Test
    void repeatedHeadersAreOneChain() {
        Origin origin = proxies.resolve("10.0.0.1", List.of("198.51.100.7", "203.0.113.9, 10.9.9.9"), null, false);
        assertEquals("203.0.113.9", origin.clientAddress());
    }

    @Test
    void fromAnUntrustedPeerTheHeadersCountForNothing() {
        Origin origin = proxies.resolve("203.0.113.50", List.of("198.51.100.7"), List.of("https"), false);
        assertEquals(new Origin("203.0.113.50", null, false), origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an address", "198.51.100.7, unknown", "", "  ,  "})
    void anUnreadableOrEmptyChainCountsForNothing(String forwardedFor) {
        Origin origin = proxies.resolve("127.0.0.1", List.of(forwardedFor), List.of(), false);
        assertEquals(new Origin("127.0.0.1", null, false), origin);
    }

    @Test
    void forwardedHttpsFromATrustedProxyIsTls() {
        assertTrue(proxies.resolve("127.0.0.1", List.of(), List.of("https"), false).secure());
        assertTrue(proxies.resolve("127.0.0.1", List.of("203.0.113.9"), List.of("http, https"), false).secure());
        assertFalse(proxies.resolve("127.0.0.1", List.of("203.0.113.9"), List.of("http"), false).secure());
        assertTrue(proxies.resolve("203.0.113.1", List.of(), List.of("http"), true).secure(), "TLS itself counts");
    }

    @Test
    void nobodyIsTrustedByDefault() {
        assertTrue(TrustedProxies.parse(null).isEmpty());
        assertTrue(TrustedProxies.parse(" ").isEmpty());
        assertEquals("127.0.0.1", TrustedProxies.none().resolve("127.0.0.1", List.of("203.0.113.9"), null, false)
                .clientAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "proxy.example.com", "10.0.0", "fd00::/129"})
    void aTypoIsRefusedNotIgnored(String configured) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(configured));
        assertTrue(e.getMessage().contains(configured), e.getMessage());
    }
}
