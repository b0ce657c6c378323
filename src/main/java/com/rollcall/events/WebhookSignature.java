package com.rollcall.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How deliveries are signed, as Stripe signs its webhooks: HMAC-SHA256 with the endpoint's secret over
 * {@code <timestamp>.<body>} (the timestamp in Unix seconds, the body byte for byte), sent as
 * {@code Rollcall-Signature: t=<timestamp>,v1=<hex digest>}. A receiver recomputes the digest, compares it in
 * constant time, and refuses timestamps too far from its clock (replays).
 */
public final class WebhookSignature {
    public static final String HEADER = "Rollcall-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new endpoint secret: {@code whsec_} and 256 random bits, base64url. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex HMAC-SHA256 of {@code timestamp + "." + body} under the secret (its UTF-8 bytes). */
    public static String digest(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The header value: {@code t=<timestamp>,v1=<digest>}. */
    public static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + digest(secret, timestamp, body);
    }

    /**
     * Whether a header value signs this body with this secret, with a timestamp at most {@code toleranceSeconds}
     * from {@code now} (what a receiver does; Rollcall's tests do it too).
     */
    public static boolean verify(String secret, String header, String body, long now, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signature = kv[1];
            }
        }
        if (timestamp == null || signature == null || Math.abs(now - timestamp) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(digest(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
