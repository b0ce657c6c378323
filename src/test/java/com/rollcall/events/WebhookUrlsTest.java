package com.rollcall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {
    private final WebhookUrls urls = new WebhookUrls("");

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "gopher://example.com", "javascript:alert(1)",
            "example.com/hook", "https://user:pw@example.com/x", "http://127.0.0.1:8080/x", "http://localhost/x",
            "http://10.1.2.3/x", "http://172.16.0.1/x", "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/x", "http://100.64.0.1/x", "", "https://"})
    void refusesNonHttpUrlsAndPrivateAddresses(String url) {
        assertTrue(urls.refusal(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hooks/rollcall", "http://8.8.8.8:8080/x"})
    void acceptsPublicHttpAndHttpsUrls(String url) {
        assertEquals(Optional.empty(), urls.refusal(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/x", "http://localhost:9/x"})
    void theAllowListOpensNamedPrivateHosts(String url) {
        assertEquals(Optional.empty(), new WebhookUrls("127.0.0.1, localhost").refusal(url), url);
    }
}
