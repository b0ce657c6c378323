package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.scim.message.ScimException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the console says for a failed use case: the service's words, "reload" for a stale edit, nothing for a fault. */
class RefusalTest {
    @Test
    void aServiceRefusalIsItsOwnWordsOnTheField() {
        Refusal refusal = Refusal.of(ScimException.uniqueness("A sub-account named 'EMEA' already exists.")).orElseThrow();
        assertEquals("A sub-account named 'EMEA' already exists.", refusal.text());
        assertTrue(refusal.onField());
    }

    @Test
    void aWrappedRefusalIsStillARefusal() {
        Refusal refusal = Refusal.of(new EJBException(ScimException.forbidden("The license limit is reached: 1 of 1.")))
                .orElseThrow();
        assertEquals("The license limit is reached: 1 of 1.", refusal.text());
    }

    @Test
    void aStaleEditSaysToReloadForTheWholeForm() {
        for (RuntimeException stale : new RuntimeException[] {
            ScimException.preconditionFailed("The resource has changed (its version is W/\"3\"); read it again and retry."),
            new EJBException(new OptimisticLockException("row changed"))}) {
            Refusal refusal = Refusal.of(stale).orElseThrow();
            assertTrue(refusal.text().startsWith("Someone else changed this in the meantime"), refusal.text());
            assertFalse(refusal.onField());
        }
    }

    @Test
    void aFaultIsNoRefusal() {
        assertEquals(Optional.empty(), Refusal.of(new IllegalStateException("bug")));
        assertEquals(Optional.empty(), Refusal.of(new EJBException(new NullPointerException())));
    }
}
