package com.rollcall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void namesTheChangedAttributesAndExtensionSubAttributesNotMetaOrGroups() {
        JsonObject before = ScimJson.object().add("id", "1").add("userName", "a").add("title", "T").add("active", true)
                .add("meta", ScimJson.object().add("version", "W/\"1\""))
                .add(ENTERPRISE, ScimJson.object().add("department", "D").add("employeeNumber", "7")).build();
        JsonObject after = ScimJson.object().add("id", "1").add("userName", "b").add("active", false)
                .add("meta", ScimJson.object().add("version", "W/\"2\""))
                .add(ENTERPRISE, ScimJson.object().add("department", "E").add("employeeNumber", "7")).build();
        assertEquals(Set.of("userName", "title", "active", ENTERPRISE + ":department"),
                ChangeFeed.changedAttributes(before, after));
    }

    @Test
    void everyTypeIsDotSeparatedLowerCaseAndFoundByItsWireName() {
        for (EventType type : EventType.values()) {
            assertTrue(type.wireName().matches("[a-z_]+(\\.[a-z_]+)+"), type.wireName());
            assertEquals(type, EventType.of(type.wireName().toUpperCase()).orElseThrow());
        }
        assertEquals(List.of(), List.of(EventType.of("user.exploded").stream().toArray()));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndIsCapped() {
        WebhookSettings settings = new WebhookSettings(1_000, 60_000, Duration.ofHours(72), Duration.ofSeconds(10), 1_000,
                new WebhookUrls(""));
        for (int i = 0; i < 50; i++) {
            long first = settings.backoff(1).toMillis();
            long third = settings.backoff(3).toMillis();
            long late = settings.backoff(40).toMillis();
            assertTrue(first >= 500 && first <= 1_000, "first " + first);
            assertTrue(third >= 2_000 && third <= 4_000, "third " + third);
            assertTrue(late >= 30_000 && late <= 60_000, "capped " + late);
        }
    }
}
