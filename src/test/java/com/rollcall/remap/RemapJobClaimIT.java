package com.rollcall.remap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Await;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Remap jobs on two instances sharing the database (MariaDB): each instance's runner polls once a second and
 * claims jobs with a conditional UPDATE. The race is made real: the test holds {@code remap_job} locked (LOCK
 * TABLES ... WRITE) until both instances' pollers wait for it, queues the job, and releases them together. A
 * trigger logs every claim and every batch of the job into a side table, so the test sees who claimed and ran
 * what: exactly one instance claims a queued job and runs all its batches; a job whose instance stopped beating
 * is taken over by exactly one instance, which continues from the job's cursor.
 */
@ExtendWith(RollcallServer.class)
@Tag("multi-instance")
class RemapJobClaimIT {
    private static final int MEMBERS = 1_200;
    private static final int BATCH = 500;
    private static final String DEAD = "dead-instance";

    private final Tenant tenant = TestTenants.create("Remap claim", 10_000, "scim,admin");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    /** One row of the claim log: a claim (a new owner) or a batch (the cursor moved), and by whom. */
    record Logged(String event, String instance, long previousCursor, long cursor) {
    }

    @Test
    void twoInstancesRaceForAQueuedJobAndForAStaleOneAndEachIsRunOnceFromItsCursor() throws Exception {
        try (ServerProcess second = ServerProcess.start("remap-second-instance", TestDatabase.serverEnvironment("remap-second"));
             ClaimLog log = ClaimLog.install()) {
            String group = groupOfMembers();
            long stores = TestTenants.subAccount(tenant, "Stores");
            long editor = TestTenants.roleId(tenant, "Editor");
            JsonObject mapped = TestTenants.mapGroup(tenant, group, "Editor", stores);
            awaitDone(mapped.getJsonObject("remapJob").getJsonNumber("id").longValue());
            assertEquals(MEMBERS, storedWith(editor, stores), "the product's own job gave every member the role");

            // 1. A queued job (the mapping is gone; its job is queued), raced for by both instances.
            TestTenants.execute("DELETE FROM group_mapping WHERE id = ?", mapped.getJsonNumber("id").longValue());
            long queued = queueWhileTheRunnersWait("QUEUED", null, 0, 0);
            JsonObject done = awaitDone(queued);
            List<Logged> entries = log.of(queued);
            List<Logged> claims = entries.stream().filter(e -> e.event().equals("CLAIM")).toList();
            assertEquals(1, claims.size(), "exactly one instance claimed the job: " + entries);
            String owner = claims.get(0).instance();
            assertBatchesChainedFrom(0, owner, entries);
            assertEquals(MEMBERS, done.getInt("processed"), done.toString());
            assertEquals(MEMBERS, done.getInt("changed"), done.toString());
            assertEquals(owner, TestTenants.text("SELECT claimed_by FROM remap_job WHERE id = ?", queued));
            assertEquals(0, storedWith(editor, stores), "every member lost the removed mapping's role");

            // 2. A running job whose instance died after its first batch (stale heartbeat): taken over by one
            // instance, which continues from the cursor.
            JsonObject again = TestTenants.mapGroup(tenant, group, "Editor", stores);
            awaitDone(again.getJsonObject("remapJob").getJsonNumber("id").longValue());
            assertEquals(MEMBERS, storedWith(editor, stores));
            TestTenants.execute("DELETE FROM group_mapping WHERE id = ?", again.getJsonNumber("id").longValue());
            long cursor = TestTenants.number("SELECT MAX(user_id) FROM (SELECT m.user_id FROM group_membership m JOIN "
                    + "user_group g ON g.id = m.group_id WHERE g.scim_id = ? ORDER BY m.user_id LIMIT " + BATCH + ") done",
                    group);
            TestTenants.execute("DELETE FROM user_effective_role WHERE enterprise_id = ? AND user_id <= ?",
                    tenant.enterpriseId(), cursor);
            long stale = queueWhileTheRunnersWait("RUNNING", DEAD, cursor, BATCH);
            JsonObject takenOver = awaitDone(stale);
            entries = log.of(stale);
            claims = entries.stream().filter(e -> e.event().equals("CLAIM")).toList();
            assertEquals(1, claims.size(), "exactly one instance took the stale job over: " + entries);
            assertNotEquals(DEAD, claims.get(0).instance());
            assertBatchesChainedFrom(cursor, claims.get(0).instance(), entries);
            assertEquals(MEMBERS, takenOver.getInt("processed"), "continued from its cursor: " + takenOver);
            assertEquals(MEMBERS, takenOver.getInt("changed"), takenOver.toString());
            assertEquals(0, storedWith(editor, stores));
        }
    }

    /**
     * Holds remap_job locked until at least two runners (this test's two instances; a third, the Arquillian
     * container, may be polling too) wait for it, inserts the job, and releases them all at once. Returns its id.
     */
    private long queueWhileTheRunnersWait(String status, String claimedBy, long cursor, long processed) throws SQLException {
        long groupId = TestTenants.number("SELECT id FROM user_group WHERE enterprise_id = ?", tenant.enterpriseId());
        String groupScimId = TestTenants.text("SELECT scim_id FROM user_group WHERE id = ?", groupId);
        var now = TestDatabase.utcNow();
        try (Connection c = TestDatabase.connect(); Statement lock = c.createStatement()) {
            lock.execute("LOCK TABLES remap_job WRITE");
            try {
                int waiting = Await.until("two runners waiting for the locked remap_job", Duration.ofSeconds(30),
                        RemapJobClaimIT::runnersWaiting, n -> n >= 2);
                assertTrue(waiting >= 2);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO remap_job (enterprise_id, kind, group_id, "
                        + "group_scim_id, group_name, reason, status, cursor_user_id, processed, total, changed, unlicensed, "
                        + "claimed_by, heartbeat_at, created_at, started_at) VALUES (?, 'GROUP', ?, ?, 'Everyone', ?, ?, ?, ?, "
                        + "?, ?, 0, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setLong(1, tenant.enterpriseId());
                    insert.setLong(2, groupId);
                    insert.setString(3, groupScimId);
                    insert.setString(4, "raced by the test (" + status + ")");
                    insert.setString(5, status);
                    insert.setLong(6, cursor);
                    insert.setLong(7, processed);
                    insert.setLong(8, MEMBERS);
                    insert.setLong(9, processed);
                    insert.setString(10, claimedBy);
                    insert.setObject(11, claimedBy == null ? null : now.minusMinutes(10));
                    insert.setObject(12, now);
                    insert.setObject(13, claimedBy == null ? null : now.minusMinutes(11));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            } finally {
                lock.execute("UNLOCK TABLES");
            }
        }
    }

    /** Other sessions of the test database's user whose statement on remap_job waits for the table lock. */
    private static int runnersWaiting() {
        return (int) TestTenants.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
                + "AND ID <> CONNECTION_ID() AND STATE LIKE '%metadata lock%' AND INFO LIKE '%remap_job%'");
    }

    /** Every batch run by {@code owner}, one after the other, the first from {@code from}, none twice. */
    private static void assertBatchesChainedFrom(long from, String owner, List<Logged> entries) {
        List<Logged> batches = entries.stream().filter(e -> e.event().equals("BATCH")).toList();
        assertEquals((MEMBERS - (from == 0 ? 0 : BATCH) + BATCH - 1) / BATCH, batches.size(), "batches: " + entries);
        long previous = from;
        for (Logged batch : batches) {
            assertEquals(owner, batch.instance(), "every batch run by the one owner: " + entries);
            assertEquals(previous, batch.previousCursor(), "each batch goes on from the cursor: " + entries);
            assertTrue(batch.cursor() > previous, entries.toString());
            previous = batch.cursor();
        }
    }

    private JsonObject awaitDone(long jobId) {
        ScimClient admin = TestTenants.admin(tenant);
        JsonObject done = Await.until("remap job " + jobId + " to finish", Duration.ofSeconds(120),
                () -> admin.get("remap-jobs/" + jobId).json(), job -> !"RUNNING".equals(job.getString("status"))
                        && !"QUEUED".equals(job.getString("status")));
        assertEquals("DONE", done.getString("status"), done.toString());
        return done;
    }

    /** A group with {@link #MEMBERS} members (users in bulk by SQL, memberships through SCIM); its SCIM id. */
    private String groupOfMembers() {
        List<String> users = TestTenants.bulkUsers(tenant, "claim", MEMBERS);
        ScimClient.Response created = scim.post("Groups", "{\"displayName\":\"Everyone\"}");
        assertEquals(201, created.status(), created.toString());
        String group = created.json().getString("id");
        for (int from = 0; from < MEMBERS; from += 1000) {
            StringBuilder members = new StringBuilder();
            for (String id : users.subList(from, Math.min(MEMBERS, from + 1000))) {
                members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
            }
            ScimClient.Response added = scim.send(scim.request("Groups/" + group).header("Content-Type",
                    "application/scim+json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":"
                    + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":"
                    + "\"members\",\"value\":[" + members + "]}]}")));
            assertEquals(204, added.status(), added.toString());
        }
        return group;
    }

    private long storedWith(long roleId, long subAccountId) {
        return TestTenants.number("SELECT COUNT(*) FROM user_effective_role WHERE enterprise_id = ? AND role_id = ? "
                + "AND scope_key = ?", tenant.enterpriseId(), roleId, subAccountId);
    }

    /**
     * A trigger on remap_job that logs, into a side table, every claim (a job becoming RUNNING or changing
     * owner) and every batch (its cursor moving), with the instance that made it. Dropped on close.
     */
    static final class ClaimLog implements AutoCloseable {
        static ClaimLog install() throws SQLException {
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS test_remap_claim_log");
                s.execute("DROP TABLE IF EXISTS test_remap_claim");
                s.execute("CREATE TABLE test_remap_claim (seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, job_id BIGINT "
                        + "NOT NULL, event VARCHAR(8) NOT NULL, instance VARCHAR(100), previous_cursor BIGINT, cursor_user_id BIGINT)");
                s.execute("CREATE TRIGGER test_remap_claim_log AFTER UPDATE ON remap_job FOR EACH ROW BEGIN "
                        + "IF NEW.status = 'RUNNING' AND (OLD.status <> 'RUNNING' OR NOT (OLD.claimed_by <=> NEW.claimed_by)) THEN "
                        + "INSERT INTO test_remap_claim (job_id, event, instance, previous_cursor, cursor_user_id) "
                        + "VALUES (NEW.id, 'CLAIM', NEW.claimed_by, OLD.cursor_user_id, NEW.cursor_user_id); END IF; "
                        + "IF NEW.cursor_user_id <> OLD.cursor_user_id THEN "
                        + "INSERT INTO test_remap_claim (job_id, event, instance, previous_cursor, cursor_user_id) "
                        + "VALUES (NEW.id, 'BATCH', NEW.claimed_by, OLD.cursor_user_id, NEW.cursor_user_id); END IF; END");
            }
            return new ClaimLog();
        }

        List<Logged> of(long jobId) throws SQLException {
            List<Logged> entries = new ArrayList<>();
            try (Connection c = TestDatabase.connect();
                 PreparedStatement s = c.prepareStatement("SELECT event, instance, previous_cursor, cursor_user_id "
                         + "FROM test_remap_claim WHERE job_id = ? ORDER BY seq")) {
                s.setLong(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Logged(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            return entries;
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS test_remap_claim_log");
                s.execute("DROP TABLE IF EXISTS test_remap_claim");
            }
        }
    }
}
