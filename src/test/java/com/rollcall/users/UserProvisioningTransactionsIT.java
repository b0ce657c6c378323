package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.rollcall.platform.security.Actor;
import com.rollcall.audit.AuditTrail;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.licensing.LicenseService;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.transaction.TransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Transaction semantics of user provisioning, checked inside Payara Micro (Arquillian) on the real WAR
 * and the test MariaDB: a create commits the user and its audit event together or neither, whether it fails
 * before writing (409) or after (the seat refused at the license limit), and the audit trail refuses to write
 * outside a transaction. Rows are read back through {@code jdbc/rollcall}
 * on connections of their own (no JTA transaction is active in a test method), so only committed data
 * is seen. Each test makes its own enterprise.
 */
@ExtendWith(ArquillianExtension.class)
class UserProvisioningTransactionsIT {
    private static final String BASE_URL = "http://localhost/scim/v2/";

    @Deployment(testable = true)
    static WebArchive deployment() {
        String url = System.getenv("ROLLCALL_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("ROLLCALL_TEST_DB_URL is not set: run the integration tests through "
                    + "scripts/test.sh, which prepares a MariaDB test database");
        }
        File war = new File(System.getProperty("rollcall.war", "target/rollcall.war"));
        // The real build output, under a name (and so a context root) of its own, plus this class.
        return ShrinkWrap.create(WebArchive.class, "rollcall-transactions-it.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
                .addClass(UserProvisioningTransactionsIT.class);
    }

    @Inject
    private UserProvisioningService service;

    @Inject
    private AuditTrail audit;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private LicenseService licenses;

    @Resource(lookup = "jdbc/rollcall")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    @Resource
    private UserTransaction transaction;

    @Test
    void failedCreateLeavesNoUserAndNoAuditEvent() throws SQLException {
        long enterpriseId = newEnterprise();
        Actor actor = Actor.system(enterpriseId, "test");
        service.create(actor, user("ada.lovelace@example.com"), BASE_URL);
        long usersBefore = count("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", enterpriseId);
        long eventsBefore = count("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", enterpriseId);
        assertEquals(1, usersBefore);
        assertEquals(1, eventsBefore);

        // Caught as Throwable so that an EJBException (a wrapped ScimException) fails the assertion
        // below instead of escaping the test.
        Throwable thrown = assertThrows(Throwable.class,
                () -> service.create(actor, user("ADA.Lovelace@Example.COM"), BASE_URL));
        assertSame(ScimException.class, thrown.getClass(),
                () -> "expected the ScimException unwrapped, got " + thrown);
        ScimException e = (ScimException) thrown;
        assertEquals(ScimErrorType.UNIQUENESS, e.type());
        assertEquals(409, e.status());

        assertEquals(usersBefore, count("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", enterpriseId));
        assertEquals(eventsBefore, count("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", enterpriseId));
    }

    @Test
    void successfulCreateCommitsUserAndAuditEventTogether() throws SQLException {
        long enterpriseId = newEnterprise();
        Actor actor = Actor.system(enterpriseId, "test");

        JsonObject created = service.create(actor, user("grace.hopper@example.com"), BASE_URL);
        String scimId = created.getString("id");
        assertNotNull(scimId);

        assertEquals(Status.STATUS_NO_TRANSACTION, transactions.getTransactionStatus(),
                "the create's transaction must be over when it returns");
        assertEquals(1, count("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? AND scim_id = ?",
                enterpriseId, scimId));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = 'USER_CREATED' "
                + "AND resource_type = 'User' AND resource_id = ?", enterpriseId, scimId));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", enterpriseId),
                "one create, one audit event");
    }

    /**
     * A failure after the writes: at the license limit the seat is refused once the user row, its
     * multi-valued rows and its audit event are written (the next test shows they are). Nothing of it may
     * remain: no user, no value, no audit event, the counter unchanged.
     */
    @Test
    void aCreateRefusedAtTheLicenseLimitAfterItsInsertsLeavesNoUserValueOrAuditEvent() throws SQLException {
        long enterpriseId = newEnterprise(1);
        Actor actor = Actor.system(enterpriseId, "test");
        service.create(actor, userWithValues("first@example.com"), BASE_URL);
        Map<String, Long> before = counts(enterpriseId);
        assertEquals(Map.of("users", 1L, "values", 3L, "events", 1L, "seats", 1L), before);

        Throwable thrown = assertThrows(Throwable.class,
                () -> service.create(actor, userWithValues("second@example.com"), BASE_URL));
        assertRefusedAtTheLimit(thrown);

        assertEquals(Status.STATUS_NO_TRANSACTION, transactions.getTransactionStatus());
        assertEquals(before, counts(enterpriseId), "nothing of the refused create remains");
    }

    /**
     * The precondition that makes the test above prove atomicity rather than early validation: inside the
     * refused create's transaction (the test's own, which the service joins), the new user, its values and its
     * audit event are already written when the refusal comes; the rollback takes them all away.
     */
    @Test
    void theSeatIsRefusedAfterTheUserItsValuesAndItsAuditEventAreWritten() throws Exception {
        long enterpriseId = newEnterprise(1);
        Actor actor = Actor.system(enterpriseId, "test");
        service.create(actor, userWithValues("first@example.com"), BASE_URL);
        Map<String, Long> before = counts(enterpriseId);

        transaction.begin();
        try {
            Throwable thrown = assertThrows(Throwable.class,
                    () -> service.create(actor, userWithValues("second@example.com"), BASE_URL));
            assertRefusedAtTheLimit(thrown);
            assertEquals(Status.STATUS_MARKED_ROLLBACK, transaction.getStatus(), "the refusal dooms the transaction");
            assertEquals(Map.of("users", 2L, "values", 6L, "events", 2L, "seats", 1L), counts(enterpriseId),
                    "seen inside the refused transaction: the user, its three values and its audit event were written "
                            + "before the seat was refused");
        } finally {
            transaction.rollback();
        }
        assertEquals(before, counts(enterpriseId), "all rolled back");
    }

    @Test
    void auditTrailRefusesToRunOutsideATransaction() throws SQLException {
        long enterpriseId = newEnterprise();
        Actor actor = Actor.system(enterpriseId, "test");
        // The precondition that makes this test mean something: the test method runs without a transaction.
        assertEquals(Status.STATUS_NO_TRANSACTION, transactions.getTransactionStatus(),
                "the test method must not run inside a transaction");

        Throwable thrown = assertThrows(Throwable.class,
                () -> audit.record(actor, "OUTSIDE_TRANSACTION", "User", "nobody", "nobody", null, null));
        assertTrue(causeChainHas(thrown, TransactionRequiredException.class),
                () -> "expected TransactionRequiredException (@Transactional MANDATORY), got " + thrown);

        assertEquals(0, count("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", enterpriseId));
    }

    private long newEnterprise() {
        return newEnterprise(100);
    }

    private long newEnterprise(int licenseLimit) {
        long id = enterprises.create("Transactions IT " + UUID.randomUUID()).id();
        licenses.open(id, licenseLimit);
        return id;
    }

    /** A user with two emails and a phone number: three multi-valued rows. */
    private static JsonObject userWithValues(String userName) {
        return Json.createObjectBuilder(user(userName))
                .add("emails", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("value", userName).add("type", "work").add("primary", true))
                        .add(Json.createObjectBuilder().add("value", "home." + userName).add("type", "home")))
                .add("phoneNumbers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", "+1 555 0100")))
                .build();
    }

    private static void assertRefusedAtTheLimit(Throwable thrown) {
        assertSame(ScimException.class, thrown.getClass(), () -> "expected the ScimException unwrapped, got " + thrown);
        ScimException e = (ScimException) thrown;
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("license limit"), e.getMessage());
    }

    /** The enterprise's users, multi-valued rows, audit events and seats used (on the caller's transaction, if any). */
    private Map<String, Long> counts(long enterpriseId) throws SQLException {
        return Map.of("users", count("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", enterpriseId),
                "values", count("SELECT COUNT(*) FROM user_multi_value WHERE enterprise_id = ?", enterpriseId),
                "events", count("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", enterpriseId),
                "seats", count("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", enterpriseId));
    }

    private static JsonObject user(String userName) {
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:schemas:core:2.0:User"))
                .add("userName", userName)
                .add("active", true)
                .build();
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    fail("no row for " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    private static boolean causeChainHas(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof EJBException ejb && ejb.getCausedByException() != null
                    && ejb.getCausedByException() != t.getCause() && causeChainHas(ejb.getCausedByException(), type)) {
                return true;
            }
        }
        return false;
    }
}
