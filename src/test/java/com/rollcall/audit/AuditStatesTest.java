package com.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** One audit event stores a bounded state: long arrays keep their first items and say how many were left out. */
class AuditStatesTest {
    @Test
    void smallStatesAreKeptAsTheyAre() {
        JsonObject state = Json.createObjectBuilder().add("displayName", "Sales").add("members", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("value", "u1"))).build();
        assertEquals(state.toString(), AuditStates.bounded(state));
        assertNull(AuditStates.bounded(null));
    }

    @Test
    void aHundredThousandMembersKeepTheFirstHundredAndTheCount() {
        JsonArrayBuilder members = Json.createArrayBuilder();
        for (int i = 0; i < 100_000; i++) {
            members.add(Json.createObjectBuilder().add("value", "00000000-0000-0000-0000-" + String.format("%012d", i)));
        }
        JsonObject state = Json.createObjectBuilder().add("displayName", "Everyone").add("members", members).build();
        String stored = AuditStates.bounded(state);
        assertTrue(stored.length() <= AuditStates.MAX_CHARS, stored.length() + " characters");
        JsonObject read = Json.createReader(new StringReader(stored)).readObject();
        assertEquals("Everyone", read.getString("displayName"));
        assertEquals(AuditStates.KEPT_ITEMS, read.getJsonArray("members").size());
        assertEquals(100_000 - AuditStates.KEPT_ITEMS, read.getInt("membersOmitted"));
    }

    @Test
    void aStateTooLargeEvenShrunkKeepsOnlyItsLength() {
        JsonObject state = Json.createObjectBuilder().add("title", "x".repeat(AuditStates.MAX_CHARS + 10)).build();
        JsonObject read = Json.createReader(new StringReader(AuditStates.bounded(state))).readObject();
        assertTrue(read.getBoolean("truncated"));
        assertEquals(state.toString().length(), read.getInt("originalLength"));
    }
}
