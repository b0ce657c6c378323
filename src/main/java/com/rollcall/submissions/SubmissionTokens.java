package com.rollcall.submissions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A create form's one-time submission token, and what the database keeps of it. The token (256 random bits) lives
 * only in the page (and the browser's copy of the form); the database holds its SHA-256, and the outcome sealed with
 * AES-GCM under a key derived from the token (HMAC-SHA256): a reader of the database learns neither the token nor a
 * secret the outcome holds (the token of a new API client), while a copy of the form, which brings the token, can
 * open it. Pure: java.* only.
 */
public final class SubmissionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int IV_BYTES = 12;

    private SubmissionTokens() {
    }

    /** A fresh token for one form on one page. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text can be a token this class made (anything else is refused before the database is asked). */
    public static boolean plausible(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** The key the database finds a submission by. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("rollcall form submission:" + token).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome, sealed under the token's key (fresh IV each time), as Base64 text. */
    static String seal(String token, String outcome) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(token), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(outcome.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, all, 0, iv.length);
            System.arraycopy(sealed, 0, all, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome, when this token sealed it; empty when it did not (or the text was tampered with). */
    static Optional<String> open(String token, String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(token), new GCMParameterSpec(128, all, 0, IV_BYTES));
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SecretKeySpec key(String token) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal("rollcall form outcome".getBytes(StandardCharsets.UTF_8)), "AES");
    }
}
