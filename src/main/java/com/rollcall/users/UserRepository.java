package com.rollcall.users;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.query.JpqlSearch;
import com.rollcall.platform.query.ListQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users of one enterprise: the enterprise id is the first argument of every call. */
@ApplicationScoped
public class UserRepository {
    @PersistenceContext
    private EntityManager em;

    /**
     * Writes a new user with plain SQL, not through the entity manager: one INSERT of the user row (its id from
     * AUTO_INCREMENT, as JPA's IDENTITY would) and one multi-row INSERT of its multi-valued attributes. The entity
     * stays unmanaged (there is no shared cache, so JPA reads of it in later transactions go to the database). A
     * taken userName or externalId fails here with the unique key's violation, as a flush would.
     */
    public void insert(long enterpriseId, UserAccount user) {
        if (user.enterpriseId() != enterpriseId) {
            throw new IllegalArgumentException("user of another enterprise");
        }
        long id = NativeSql.insertReturningKey(em, UserRows.INSERT_USER, UserRows.values(user.insertRow()));
        insertMultiValues(id, user.multiValues());
        user.inserted(id);
    }

    private void insertMultiValues(long userId, List<MultiValue> multiValues) {
        for (UserRows.Statement insert : UserRows.insertMultiValues(userId, multiValues)) {
            NativeSql.update(em, insert.sql(), insert.parameters());
        }
    }

    /**
     * Writes back a user read by {@link #findLiveForUpdate} or {@link #lock} (its row locked until commit) with plain
     * SQL: one UPDATE of every column a write may change, its version one up (as JPA's {@code @Version} would), and its
     * multi-valued rows only when they changed (all deleted, then one multi-row INSERT). A userName or externalId
     * taken meanwhile fails here with the unique key's violation, as a flush would.
     */
    public void update(long enterpriseId, UserAccount user) {
        if (user.enterpriseId() != enterpriseId || user.id() == null) {
            throw new IllegalArgumentException("not a saved user of this enterprise");
        }
        List<Object> parameters = UserRows.values(user.updateRow());
        parameters.addAll(List.of(user.id(), enterpriseId, user.version()));
        if (NativeSql.update(em, UserRows.UPDATE_USER, parameters) != 1) {
            throw new jakarta.persistence.OptimisticLockException("user " + user.scimId() + " changed under its lock");
        }
        if (user.multiValuesChanged()) {
            NativeSql.update(em, UserRows.DELETE_MULTI_VALUES, List.of(user.id()));
            insertMultiValues(user.id(), user.multiValues());
        }
        user.updated();
    }

    /** The user of this row (all of user_account's columns) with its multi-valued rows, unmanaged. */
    private UserAccount unmanaged(Object[] row) {
        List<MultiValue> values = NativeSql.query(em, UserRows.MULTI_VALUES, List.of(Columns.number(row[0]))).stream()
                .map(MultiValue::fromRow).toList();
        return UserAccount.fromRow(row, values);
    }

    /** A live (not soft-deleted) user by its SCIM id. */
    public Optional<UserAccount> findLive(long enterpriseId, String scimId) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.scimId = :scimId AND u.enterpriseId = :enterpriseId "
                        + "AND u.deletedAt IS NULL", UserAccount.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .getResultList().stream()
                .findFirst();
    }

    /** Which live users hold a userName key and an externalId: their ids, or null (one statement, no entity). */
    public record Holders(Long userName, Long externalId) {
    }

    /**
     * Who holds this userName (case-insensitively) and this externalId among the enterprise's live users
     * (a deleted user's keys are cleared). One statement of two unique-index lookups, returning ids only:
     * every create and every identifier change asks it.
     */
    public Holders holders(long enterpriseId, String userName, String externalId) {
        String byName = "(SELECT u.id FROM user_account u WHERE u.enterprise_id = ? AND u.user_name_key = ?)";
        String byExternalId = externalId == null ? "NULL"
                : "(SELECT u.id FROM user_account u WHERE u.enterprise_id = ? AND u.external_id_key = ?)";
        List<Object> parameters = new ArrayList<>(List.of(enterpriseId, UserAccount.userNameKey(userName)));
        if (externalId != null) {
            parameters.addAll(List.of(enterpriseId, externalId));
        }
        Object[] row = NativeSql.query(em, "SELECT " + byName + ", " + byExternalId, parameters).get(0);
        return new Holders(row[0] == null ? null : ((Number) row[0]).longValue(),
                row[1] == null ? null : ((Number) row[1]).longValue());
    }

    /**
     * The live user, its row locked until commit (writes to one user run one at a time): plain SQL, one SELECT of the
     * row and one of its multi-valued rows, the entity unmanaged (the entity manager never flushes it; {@link #update}
     * writes it).
     */
    public Optional<UserAccount> findLiveForUpdate(long enterpriseId, String scimId) {
        return NativeSql.query(em, UserRows.LIVE_FOR_UPDATE, List.of(enterpriseId, scimId)).stream().findFirst()
                .map(this::unmanaged);
    }

    /**
     * What a user keeps when it leaves the platform and loses its groups (rule 8): no exemption from a license
     * (rule 5) without roles. The memberships and stored roles go with {@link UserRemoved}.
     */
    public void clearLicenseExemption(long enterpriseId, long userId) {
        NativeSql.update(em, "UPDATE user_account SET license_exempt = FALSE WHERE enterprise_id = ? AND id = ?",
                List.of(enterpriseId, userId));
    }

    /**
     * Live manual users with one of these lower-cased emails (any email, or an email userName). Not
     * locked: a locking read that finds nothing takes gap locks, and concurrent creates inserting into
     * those gaps deadlock; {@link #lock} the one that is adopted.
     *
     * <p>Every SCIM create asks this, so it must not grow with the tenant: the ids come from one UNION of
     * two index lookups (uq_user_name on (enterprise, userName key); ix_multi_value_lookup on (enterprise,
     * 'emails', value key)), and users are loaded only when there is a match. The former single JPQL
     * query ({@code userNameKey IN ... OR id IN (subquery)}) scanned every user of the tenant: the initial
     * sync of N users cost O(N²).
     */
    public List<UserAccount> manualByEmail(long enterpriseId, Set<String> emailKeys) {
        if (emailKeys.isEmpty()) {
            return List.of();
        }
        List<String> keys = List.copyOf(emailKeys);
        String in = NativeSql.placeholders(keys.size());
        List<Object> parameters = new ArrayList<>();
        parameters.add(enterpriseId);
        parameters.addAll(keys);
        parameters.add(enterpriseId);
        parameters.addAll(keys);
        parameters.add(enterpriseId);
        List<Long> found = NativeSql.query(em, "SELECT u.id FROM user_account u WHERE u.enterprise_id = ? "
                        + "AND u.user_name_key IN " + in + " AND u.deleted_at IS NULL AND u.source = 'MANUAL' "
                        + "UNION SELECT u.id FROM user_multi_value v JOIN user_account u ON u.id = v.user_id "
                        + "WHERE v.enterprise_id = ? AND v.attribute = 'emails' AND v.item_value_key IN " + in
                        + " AND u.enterprise_id = ? AND u.deleted_at IS NULL AND u.source = 'MANUAL'", parameters)
                .stream().map(row -> ((Number) row[0]).longValue()).distinct().toList();
        if (found.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.enterpriseId = :enterpriseId AND u.id IN :ids "
                        + "ORDER BY u.id", UserAccount.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("ids", found)
                .getResultList();
    }

    /** Live manual users with this employee-number key (not locked, see {@link #manualByEmail}). */
    public List<UserAccount> manualByEmployeeNumber(long enterpriseId, String employeeNumberKey) {
        if (employeeNumberKey == null) {
            return List.of();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.enterpriseId = :enterpriseId AND u.deletedAt IS NULL "
                        + "AND u.source = :manual AND u.employeeNumberKey = :key ORDER BY u.id", UserAccount.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("manual", UserSource.MANUAL)
                .setParameter("key", employeeNumberKey)
                .getResultList();
    }

    /**
     * Locks a found user's row by its key (no gap locks) and re-reads it, unmanaged as by {@link #findLiveForUpdate};
     * empty if it is gone.
     */
    public Optional<UserAccount> lock(long enterpriseId, UserAccount user) {
        return NativeSql.query(em, UserRows.BY_ID_FOR_UPDATE, List.of(enterpriseId, user.id())).stream().findFirst()
                .map(this::unmanaged).filter(locked -> locked.deletedAt() == null);
    }

    /** A page of the enterprise's live users matching the query; their multi-valued attributes batch-loaded. */
    public JpqlSearch.Page<UserAccount> search(long enterpriseId, ListQuery query) {
        return JpqlSearch.run(em, UserAccount.class, "UserAccount u", "u.enterpriseId = :enterpriseId AND u.deletedAt IS NULL",
                enterpriseId, UserFilterMapping.MAPPING, query, "u.id",
                Map.of("eclipselink.batch", "u.multiValues", "eclipselink.batch.type", "IN"));
    }

    // ---- users as other rooms ask for them (the one place user_account is read or written) ----------------

    private static final String SUMMARY = "SELECT id, scim_id, user_name, display_name, active, source FROM user_account ";

    /** Live users of the enterprise (any source) with this employee-number key, by id (at most {@code limit}). */
    public List<UserSummary> liveByEmployeeNumber(long enterpriseId, String employeeNumberKey, int limit) {
        if (employeeNumberKey == null) {
            return List.of();
        }
        return NativeSql.query(em, SUMMARY + "WHERE enterprise_id = ? AND employee_number_key = ? AND deleted_at IS NULL "
                + "ORDER BY id LIMIT " + Math.max(1, limit), List.of(enterpriseId, employeeNumberKey)).stream()
                .map(UserRepository::summary).toList();
    }

    /** Internal ids of the enterprise's live users among these SCIM ids. */
    public Map<String, Long> liveIds(long enterpriseId, Collection<String> scimIds) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : NativeSql.chunks(new java.util.TreeSet<>(scimIds))) {
            for (Object[] c : NativeSql.query(em, "SELECT scim_id, id FROM user_account WHERE enterprise_id = ? "
                    + "AND deleted_at IS NULL AND scim_id IN " + NativeSql.placeholders(chunk.size()),
                    NativeSql.parameters(chunk, enterpriseId))) {
                ids.put((String) c[0], Columns.number(c[1]));
            }
        }
        return ids;
    }

    /** A live user of the enterprise by SCIM id. */
    public Optional<UserSummary> liveSummary(long enterpriseId, String scimId) {
        if (scimId == null || scimId.isBlank()) {
            return Optional.empty();
        }
        return NativeSql.query(em, SUMMARY + "WHERE enterprise_id = ? AND scim_id = ? AND deleted_at IS NULL",
                List.of(enterpriseId, scimId.strip())).stream().findFirst().map(UserRepository::summary);
    }

    /** These users (deleted ones included), by internal id. */
    public Map<Long, UserSummary> summaries(long enterpriseId, Collection<Long> userIds) {
        Map<Long, UserSummary> byId = new HashMap<>();
        for (List<Long> chunk : NativeSql.chunks(new java.util.TreeSet<>(userIds))) {
            for (Object[] c : NativeSql.query(em, SUMMARY + "WHERE enterprise_id = ? AND id IN "
                    + NativeSql.placeholders(chunk.size()), NativeSql.parameters(chunk, enterpriseId))) {
                UserSummary user = summary(c);
                byId.put(user.id(), user);
            }
        }
        return byId;
    }

    /** Live users whose userName or display name contains the text (any case), by userName: a short list to pick from. */
    public List<UserSummary> pick(long enterpriseId, String text, int limit) {
        String pattern = NativeSql.containing(text.trim().toLowerCase(Locale.ROOT));
        return NativeSql.query(em, SUMMARY + "WHERE enterprise_id = ? AND deleted_at IS NULL AND (user_name_key LIKE ? "
                + "ESCAPE '!' OR LOWER(display_name) LIKE ? ESCAPE '!') ORDER BY user_name_key LIMIT " + Math.max(1, limit),
                List.of(enterpriseId, pattern, pattern)).stream().map(UserRepository::summary).toList();
    }

    /** Locks these users' rows, in id order, until commit. */
    public void lock(long enterpriseId, Collection<Long> userIds) {
        for (List<Long> chunk : NativeSql.chunks(new java.util.TreeSet<>(userIds))) {
            NativeSql.query(em, "SELECT id FROM user_account WHERE enterprise_id = ? AND id IN "
                    + NativeSql.placeholders(chunk.size()) + " ORDER BY id FOR UPDATE", NativeSql.parameters(chunk, enterpriseId));
        }
    }

    /** What rule 5 needs of a user: whether it is active and live, holds a seat, is exempt from one. */
    public record SeatState(long id, boolean active, boolean live, boolean holdsSeat, boolean exempt) {
    }

    /** These users' seat states, their rows locked in id order until commit (at most {@link NativeSql#CHUNK} ids). */
    public List<SeatState> seatStatesForUpdate(long enterpriseId, List<Long> userIds) {
        return NativeSql.query(em, "SELECT id, active, CASE WHEN deleted_at IS NULL THEN 1 ELSE 0 END, holds_seat, "
                + "license_exempt FROM user_account WHERE enterprise_id = ? AND id IN " + NativeSql.placeholders(userIds.size())
                + " ORDER BY id FOR UPDATE", NativeSql.parameters(userIds, enterpriseId)).stream()
                .map(c -> new SeatState(Columns.number(c[0]), Columns.bool(c[1]), Columns.bool(c[2]), Columns.bool(c[3]),
                        Columns.bool(c[4])))
                .toList();
    }

    /** How many of these users are active and live but hold no seat (exempt, or left without one by a job). */
    public long activeWithoutSeat(long enterpriseId, Collection<Long> userIds) {
        long count = 0;
        for (List<Long> chunk : NativeSql.chunks(new java.util.TreeSet<>(userIds))) {
            count += Columns.number(NativeSql.query(em, "SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? AND id IN "
                    + NativeSql.placeholders(chunk.size()) + " AND active AND deleted_at IS NULL AND NOT holds_seat",
                    NativeSql.parameters(chunk, enterpriseId)).get(0)[0]);
        }
        return count;
    }

    /**
     * Active, live users who need a license (not exempt) and hold none — left short by a background remap that ran out
     * of licenses — in id order, at most {@code limit}.
     */
    public List<Long> unlicensed(long enterpriseId, int limit) {
        return NativeSql.query(em, "SELECT id FROM user_account WHERE " + UNLICENSED + " ORDER BY id LIMIT " + Math.max(0, limit),
                List.of(enterpriseId)).stream().map(c -> Columns.number(c[0])).toList();
    }

    /** How many users {@link #unlicensed} would give: read from ix_user_unlicensed alone, whatever the tenant's size. */
    public long unlicensedCount(long enterpriseId) {
        return Columns.number(NativeSql.query(em, "SELECT COUNT(*) FROM user_account WHERE " + UNLICENSED, List.of(enterpriseId))
                .get(0)[0]);
    }

    /**
     * Active, live, not exempt and holding no seat, as equalities on the leading columns of ix_user_unlicensed (V100), so
     * that the database reads only such users (usually none) instead of every active user of the enterprise.
     */
    private static final String UNLICENSED = "enterprise_id = ? AND holds_seat = FALSE AND license_exempt = FALSE "
            + "AND active = TRUE AND deleted_at IS NULL";

    /** These users' seat states as they are now (no lock: a preview), at most {@link NativeSql#CHUNK} ids. */
    public List<SeatState> seatStates(long enterpriseId, List<Long> userIds) {
        return NativeSql.query(em, "SELECT id, active, CASE WHEN deleted_at IS NULL THEN 1 ELSE 0 END, holds_seat, "
                + "license_exempt FROM user_account WHERE enterprise_id = ? AND id IN " + NativeSql.placeholders(userIds.size()),
                NativeSql.parameters(userIds, enterpriseId)).stream()
                .map(c -> new SeatState(Columns.number(c[0]), Columns.bool(c[1]), Columns.bool(c[2]), Columns.bool(c[3]),
                        Columns.bool(c[4])))
                .toList();
    }

    public void setHoldsSeat(long enterpriseId, Collection<Long> userIds, boolean value) {
        setFlag(enterpriseId, "holds_seat", userIds, value);
    }

    public void setLicenseExempt(long enterpriseId, Collection<Long> userIds, boolean value) {
        setFlag(enterpriseId, "license_exempt", userIds, value);
    }

    private void setFlag(long enterpriseId, String column, Collection<Long> userIds, boolean value) {
        for (List<Long> chunk : NativeSql.chunks(new java.util.TreeSet<>(userIds))) {
            NativeSql.update(em, "UPDATE user_account SET " + column + " = ? WHERE enterprise_id = ? AND id IN "
                    + NativeSql.placeholders(chunk.size()), NativeSql.parameters(chunk, value, enterpriseId));
        }
    }

    /** The next {@code limit} user ids of the enterprise after {@code after}, ascending (deleted users included). */
    public List<Long> idsAfter(long enterpriseId, long after, int limit) {
        return NativeSql.query(em, "SELECT id FROM user_account WHERE enterprise_id = ? AND id > ? ORDER BY id LIMIT "
                + Math.max(1, limit), List.of(enterpriseId, after)).stream().map(c -> Columns.number(c[0])).toList();
    }

    /**
     * Live users of the enterprise holding one of these lower-cased emails (an email value, or a userName that is
     * one), by email; the first by id when two share an email.
     */
    public Map<String, UserSummary> byEmailKeys(long enterpriseId, Collection<String> emailKeys) {
        Map<String, UserSummary> byEmail = new HashMap<>();
        for (List<String> chunk : NativeSql.chunks(new java.util.TreeSet<>(emailKeys))) {
            String in = NativeSql.placeholders(chunk.size());
            List<Object> parameters = new ArrayList<>();
            parameters.add(enterpriseId);
            parameters.addAll(chunk);
            parameters.add(enterpriseId);
            parameters.addAll(chunk);
            for (Object[] row : NativeSql.query(em, "SELECT u.user_name_key, u.id, u.scim_id, u.user_name, u.display_name, "
                    + "u.active, u.source FROM user_account u WHERE u.enterprise_id = ? AND u.deleted_at IS NULL "
                    + "AND u.user_name_key IN " + in + " UNION ALL SELECT v.item_value_key, u.id, u.scim_id, u.user_name, "
                    + "u.display_name, u.active, u.source FROM user_multi_value v JOIN user_account u ON u.id = v.user_id "
                    + "WHERE v.enterprise_id = ? AND v.attribute = 'emails' AND v.item_value_key IN " + in
                    + " AND u.deleted_at IS NULL ORDER BY 2", parameters)) {
                byEmail.putIfAbsent((String) row[0], summary(java.util.Arrays.copyOfRange(row, 1, row.length)));
            }
        }
        return byEmail;
    }

    private static UserSummary summary(Object[] c) {
        return new UserSummary(Columns.number(c[0]), (String) c[1], (String) c[2], (String) c[3], Columns.bool(c[4]),
                UserSource.valueOf((String) c[5]));
    }

    // ---- backup export (PRODUCT.md rule 11) ----------------------------------------------------------------

    /**
     * The live users of the enterprise in keyset batches of {@code batch} by id, each as its exported fields by
     * name (emails included), handed to {@code sink}: memory stays flat whatever the enterprise's size.
     */
    public void forEachExported(long enterpriseId, int batch, java.util.function.Consumer<Map<String, Object>> sink) {
        long after = 0;
        while (true) {
            List<Map<String, Object>> rows = NativeSql.queryNamed(em, "SELECT u.id, u.scim_id, u.user_name, u.external_id, "
                    + "u.active, u.source, u.given_name, u.family_name, u.middle_name, u.name_formatted, u.display_name, "
                    + "u.title, u.employee_number, u.department, u.created_at, u.last_modified FROM user_account u "
                    + "WHERE u.enterprise_id = ? AND u.deleted_at IS NULL AND u.id > ? ORDER BY u.id LIMIT " + batch,
                    List.of(enterpriseId, after));
            if (rows.isEmpty()) {
                return;
            }
            long first = Columns.number(rows.get(0).get("id"));
            after = Columns.number(rows.get(rows.size() - 1).get("id"));
            Map<Long, List<Map<String, Object>>> emails = new HashMap<>();
            for (Map<String, Object> e : NativeSql.queryNamed(em, "SELECT user_id, item_value, item_type, is_primary "
                    + "FROM user_multi_value WHERE enterprise_id = ? AND attribute = 'emails' AND user_id BETWEEN ? AND ? "
                    + "ORDER BY user_id, ordinal", List.of(enterpriseId, first, after))) {
                Map<String, Object> email = new java.util.LinkedHashMap<>();
                email.put("value", e.get("item_value"));
                email.put("type", e.get("item_type"));
                email.put("primary", Columns.bool(e.get("is_primary")));
                emails.computeIfAbsent(Columns.number(e.get("user_id")), k -> new ArrayList<>()).add(email);
            }
            for (Map<String, Object> u : rows) {
                Map<String, Object> user = new java.util.LinkedHashMap<>();
                user.put("id", u.get("scim_id"));
                user.put("userName", u.get("user_name"));
                user.put("externalId", u.get("external_id"));
                user.put("active", Columns.bool(u.get("active")));
                user.put("source", u.get("source"));
                user.put("givenName", u.get("given_name"));
                user.put("familyName", u.get("family_name"));
                user.put("middleName", u.get("middle_name"));
                user.put("formattedName", u.get("name_formatted"));
                user.put("displayName", u.get("display_name"));
                user.put("title", u.get("title"));
                user.put("employeeNumber", u.get("employee_number"));
                user.put("department", u.get("department"));
                user.put("emails", emails.getOrDefault(Columns.number(u.get("id")), List.of()));
                user.put("createdAt", text(Columns.instant(u.get("created_at"))));
                user.put("lastModified", text(Columns.instant(u.get("last_modified"))));
                sink.accept(user);
            }
        }
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }

    // ---- migration readiness (PRODUCT.md rule 10) -------------------------------------------------------

    private static final String LIVE = "u.enterprise_id = ? AND u.deleted_at IS NULL";

    /** A user named by SCIM id and userName. */
    public record Named(String scimId, String userName) {
    }

    /** An exact count and the first items. */
    public record Listing<T>(long count, List<T> items) {
    }

    /** One identifier value shared by several live users, with the first of them. */
    public record SharedValue(String value, long users, List<Named> holders) {
    }

    /** Active live users (what the enterprise's headroom is measured in). */
    public long activeCount(long enterpriseId) {
        return Columns.number(NativeSql.query(em, "SELECT COUNT(*) FROM user_account u WHERE " + LIVE
                + " AND u.active = TRUE", List.of(enterpriseId)).get(0)[0]);
    }

    /** Live manual users an IdP could not match: without an employee number ({@code byEmployeeNumber}) or without an email. */
    public Listing<Named> unmatchableManual(long enterpriseId, boolean byEmployeeNumber, int limit) {
        String missing = byEmployeeNumber
                ? "(u.employee_number_key IS NULL OR u.employee_number_key = '')"
                : "NOT EXISTS (SELECT 1 FROM user_multi_value m WHERE m.user_id = u.id AND m.attribute = 'emails' "
                        + "AND m.item_value_key IS NOT NULL AND m.item_value_key <> '')";
        String where = " FROM user_account u WHERE " + LIVE + " AND u.source = 'MANUAL' AND " + missing;
        long count = Columns.number(NativeSql.query(em, "SELECT COUNT(*)" + where, List.of(enterpriseId)).get(0)[0]);
        List<Named> users = NativeSql.query(em, "SELECT u.scim_id, u.user_name" + where + " ORDER BY u.id LIMIT " + limit,
                List.of(enterpriseId)).stream().map(r -> new Named((String) r[0], (String) r[1])).toList();
        return new Listing<>(count, users);
    }

    /** Emails (case-insensitive) held by several live users. */
    public Listing<SharedValue> sharedEmails(long enterpriseId, int limit) {
        return shared(enterpriseId, limit, "SELECT m.item_value_key AS k, COUNT(DISTINCT m.user_id) AS n FROM user_multi_value m "
                + "JOIN user_account u ON u.id = m.user_id WHERE " + LIVE + " AND m.attribute = 'emails' "
                + "AND m.item_value_key IS NOT NULL AND m.item_value_key <> '' "
                + "GROUP BY m.item_value_key HAVING COUNT(DISTINCT m.user_id) > 1",
                "SELECT DISTINCT m.item_value_key, u.scim_id, u.user_name, u.id FROM user_multi_value m "
                + "JOIN user_account u ON u.id = m.user_id WHERE " + LIVE + " AND m.attribute = 'emails' AND m.item_value_key IN ");
    }

    /** Employee numbers (trimmed, case-insensitive) held by several live users. */
    public Listing<SharedValue> sharedEmployeeNumbers(long enterpriseId, int limit) {
        return shared(enterpriseId, limit, "SELECT u.employee_number_key AS k, COUNT(*) AS n FROM user_account u WHERE " + LIVE
                + " AND u.employee_number_key IS NOT NULL AND u.employee_number_key <> '' "
                + "GROUP BY u.employee_number_key HAVING COUNT(*) > 1",
                "SELECT u.employee_number_key, u.scim_id, u.user_name, u.id FROM user_account u WHERE " + LIVE
                + " AND u.employee_number_key IN ");
    }

    /** Values shared by several live users: exact count of such values, the first ones with their first users. */
    private Listing<SharedValue> shared(long enterpriseId, int limit, String groupedSql, String usersSql) {
        long count = Columns.number(NativeSql.query(em, "SELECT COUNT(*) FROM (" + groupedSql + ") clash",
                List.of(enterpriseId)).get(0)[0]);
        if (count == 0) {
            return new Listing<>(0, List.of());
        }
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        NativeSql.query(em, groupedSql + " ORDER BY k LIMIT " + limit, List.of(enterpriseId))
                .forEach(r -> sizes.put((String) r[0], Columns.number(r[1])));
        Map<String, List<Named>> holders = new HashMap<>();
        List<String> values = new ArrayList<>(sizes.keySet());
        for (Object[] r : NativeSql.query(em, usersSql + NativeSql.placeholders(values.size()) + " ORDER BY u.id",
                NativeSql.parameters(values, enterpriseId))) {
            List<Named> of = holders.computeIfAbsent((String) r[0], k -> new ArrayList<>());
            if (of.size() < limit) {
                of.add(new Named((String) r[1], (String) r[2]));
            }
        }
        List<SharedValue> shared = new ArrayList<>();
        sizes.forEach((value, n) -> shared.add(new SharedValue(value, n, holders.getOrDefault(value, List.of()))));
        return new Listing<>(count, shared);
    }
}
