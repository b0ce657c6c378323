package com.rollcall.apiclients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer tokens: 256 random bits from SecureRandom, base64url, prefixed {@code rc_} so a leaked token is
 * recognisable. Only the SHA-256 (hex) is stored; lookups go by that hash and the final comparison is
 * constant-time.
 */
public final class ApiTokens {
    public static final String PREFIX = "rc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant-time equality of two hex hashes. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The few characters an admin may see to tell tokens apart ("rc_AbCd…"). */
    public static String hint(String token) {
        return token.substring(0, Math.min(token.length(), PREFIX.length() + 4));
    }

    /** A token as we issue it: prefix plus 43 base64url characters; anything else is not worth a lookup. */
    public static boolean plausible(String token) {
        if (token == null || token.length() < 16 || token.length() > 200) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '~' || c == '+' || c == '/' || c == '=')) {
                return false;
            }
        }
        return true;
    }

    /** The token of an {@code Authorization: Bearer <token>} header, if it is one. */
    public static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
