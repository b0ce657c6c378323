package com.rollcall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.testing.Parallel;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parallel writers of one enterprise (a fresh one, so that its position counter is created by the racing writers
 * themselves): 16 clients each create users, put them in one mapped group and edit them. Every request succeeds, and
 * the feed holds exactly the events of those changes at positions 1…n, each once. On MariaDB and on the embedded H2.
 */
@ExtendWith(RollcallServer.class)
class ChangeFeedConcurrencyIT {
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 4;

    @Test
    void parallelWritersGetStrictlyIncreasingGaplessPositions() {
        Tenant tenant = TestTenants.create("Feed race", 10_000, "scim,admin");
        ScimClient scim = ScimClient.forTenant(tenant);
        List<List<Integer>> statuses = Parallel.together(CLIENTS, client -> {
            List<Integer> answers = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                ScimClient.Response created = scim.post("Users", "{\"userName\":\"race-" + client + "-" + round
                        + "@example.test\"}");
                answers.add(created.status());
            }
            return answers;
        });
        statuses.forEach(list -> list.forEach(status -> assertEquals(201, status, "every create succeeds: " + statuses)));

        ScimClient.Response group = scim.post("Groups", "{\"displayName\":\"Racers\"}");
        String groupId = group.json().getString("id");
        TestTenants.mapGroup(tenant, groupId, "Enterprise Admin", null);
        List<String> users = Feed.all(tenant).stream().filter(e -> e.getString("type").equals("user.created"))
                .map(e -> e.getJsonObject("resource").getString("id")).toList();
        List<List<Integer>> second = Parallel.together(CLIENTS, client -> {
            List<Integer> answers = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                String user = users.get(client * ROUNDS + round);
                answers.add(Feed.patch(scim, "Groups/" + groupId, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                        + "\"value\":[{\"value\":\"" + user + "\"}]}]}").status());
                answers.add(Feed.patch(scim, "Users/" + user, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\","
                        + "\"value\":\"Racer " + round + "\"}]}").status());
            }
            return answers;
        });
        second.forEach(list -> list.forEach(status -> assertEquals(true, status == 200 || status == 204,
                "every change succeeds: " + second)));

        List<JsonObject> events = Feed.all(tenant);
        int n = CLIENTS * ROUNDS;
        List<Long> positions = events.stream().map(e -> e.getJsonNumber("position").longValue()).toList();
        List<Long> expected = new ArrayList<>();
        for (long p = 1; p <= events.size(); p++) {
            expected.add(p);
        }
        assertEquals(expected, positions, "positions 1…n in order, each once");
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.getString("id")));
        assertEquals(events.size(), ids.size(), "event ids are unique");
        Map<String, Long> byType = events.stream().collect(Collectors.groupingBy(e -> e.getString("type"),
                Collectors.counting()));
        assertEquals(Map.of("user.created", (long) n, "group.created", 1L, "mapping.added", 1L,
                "group.member.added", (long) n, "role.changed", (long) n, "user.updated", (long) n), byType);
        Map<String, Long> perUser = events.stream().filter(e -> e.getString("type").equals("role.changed"))
                .collect(Collectors.groupingBy(e -> e.getJsonObject("resource").getString("id"), Collectors.counting()));
        assertEquals(n, perUser.size());
        assertEquals(Set.of(1L), Set.copyOf(perUser.values()), "one role.changed per user");
        for (String user : users) {
            List<String> own = events.stream().filter(e -> user.equals(e.getJsonObject("resource").getString("id"))
                    || e.getJsonObject("data").toString().contains(user)).map(e -> e.getString("type")).toList();
            assertEquals(true, own.indexOf("user.created") < own.indexOf("group.member.added")
                    && own.indexOf("group.member.added") < own.indexOf("role.changed"), user + ": " + own);
        }
    }
}
