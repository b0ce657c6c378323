package com.rollcall.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The database keeps a submission by a hash of its token, and its outcome sealed so only the token opens it. */
class SubmissionTokensTest {
    @Test
    void tokensAreFreshAndPlausible() {
        String a = SubmissionTokens.generate();
        assertTrue(SubmissionTokens.plausible(a), a);
        assertNotEquals(a, SubmissionTokens.generate());
        assertFalse(SubmissionTokens.plausible(null));
        assertFalse(SubmissionTokens.plausible(""));
        assertFalse(SubmissionTokens.plausible(a + "x"));
        assertFalse(SubmissionTokens.plausible(a.substring(1) + "/"));
    }

    @Test
    void theHashIsStableAndDoesNotShowTheToken() {
        String token = SubmissionTokens.generate();
        assertEquals(SubmissionTokens.hash(token), SubmissionTokens.hash(token));
        assertEquals(64, SubmissionTokens.hash(token).length());
        assertFalse(SubmissionTokens.hash(token).contains(token));
    }

    @Test
    void onlyTheTokenOpensTheSealedOutcome() {
        String token = SubmissionTokens.generate();
        String sealed = SubmissionTokens.seal(token, "42\nrc_secret");
        assertFalse(sealed.contains("rc_secret"));
        assertNotEquals(sealed, SubmissionTokens.seal(token, "42\nrc_secret"), "a fresh IV each time");
        assertEquals(Optional.of("42\nrc_secret"), SubmissionTokens.open(token, sealed));
        assertEquals(Optional.empty(), SubmissionTokens.open(SubmissionTokens.generate(), sealed));
        char[] tampered = sealed.toCharArray();
        tampered[20] = tampered[20] == 'A' ? 'B' : 'A';
        assertEquals(Optional.empty(), SubmissionTokens.open(token, new String(tampered)));
        assertEquals(Optional.empty(), SubmissionTokens.open(token, "not base64!"));
    }
}
