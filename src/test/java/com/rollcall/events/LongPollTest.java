package com.rollcall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.scim.message.ScimException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of waiting polls: per consumer, and in all, each counted once and given back. */
class LongPollTest {
    private final LongPoll polls = new LongPoll();

    @Test
    void aConsumerWaitsAtMostItsBoundAndAllTogetherAtMostTheTotal() {
        polls.boundsForTest(2, 3);
        assertTrue(polls.enter(1));
        assertTrue(polls.enter(1));
        assertFalse(polls.enter(1), "a third poll of the same consumer");
        assertTrue(polls.enter(2));
        assertFalse(polls.enter(3), "the instance's total is reached");
        polls.leave(1);
        assertTrue(polls.enter(3), "a refused poll counted nothing, and a poll that ended gave its place back");
        assertFalse(polls.enter(2));
    }

    @Test
    void aPollThatFindsEventsIsAnsweredWhateverTheBoundAndOneThatWouldWaitIs429() {
        polls.boundsForTest(1, 10);
        assertTrue(polls.enter(7));
        FeedPage full = new FeedPage(List.of(new FeedEvent("e1", 7, 1, "user.created", Instant.EPOCH, "User", "u1", null,
                null)), "1", false);
        assertEquals(full, polls.read(7, 30, () -> full));
        ScimException refused = assertThrows(ScimException.class, () -> polls.read(7, 30,
                () -> new FeedPage(List.of(), "1", false)));
        assertEquals(429, refused.status());
        assertEquals("1", refused.headers().get("Retry-After"));
        assertEquals(0, polls.read(8, 0, () -> new FeedPage(List.of(), "1", false)).events().size(), "wait=0 never waits");
    }
}
