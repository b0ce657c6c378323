package com.rollcall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"user.created\"}";

    @Test
    void signsTimestampDotBodyWithHmacSha256AsOpensslDoes() {
        // printf '%s' '1700000000.{"id":"e1","type":"user.created"}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("t=1700000000,v1=f66ba9d53db3288d7defcf1d597103a6065ff40db6d72bd66ed669ba98338c1f",
                WebhookSignature.header(SECRET, 1_700_000_000L, BODY));
        assertEquals(64, WebhookSignature.digest(SECRET, 1, BODY).length());
    }

    @Test
    void verifiesItsOwnHeaderAndRefusesATamperedBodyAnotherSecretOrAnOldTimestamp() {
        String header = WebhookSignature.header(SECRET, 1_000, BODY);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, 1_100, 300));
        assertFalse(WebhookSignature.verify(SECRET, header, BODY + " ", 1_100, 300));
        assertFalse(WebhookSignature.verify("whsec_other", header, BODY, 1_100, 300));
        assertFalse(WebhookSignature.verify(SECRET, header, BODY, 2_000, 300));
        assertFalse(WebhookSignature.verify(SECRET, "t=x,v1=00", BODY, 1_000, 300));
        assertFalse(WebhookSignature.verify(SECRET, null, BODY, 1_000, 300));
    }

    @Test
    void secretsAreLongAndDifferent() {
        String a = WebhookSignature.newSecret();
        assertTrue(a.startsWith("whsec_") && a.length() > 40, a);
        assertFalse(a.equals(WebhookSignature.newSecret()));
    }
}
