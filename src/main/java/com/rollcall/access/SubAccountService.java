package com.rollcall.access;

import com.rollcall.platform.security.Actor;
import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sub-accounts as the console manages them: listed with how many group mappings point at each, and
 * renamed (names stay unique case-insensitively; a rename based on a stale read is refused). Creating
 * one is {@link AccessService#createSubAccount}.
 */
@Stateless
public class SubAccountService {
    /** Longest sub-account name. */
    public static final int MAX_NAME = 200;

    /** A sub-account in the console's list; {@code version} guards a rename against a stale read. */
    public record SubAccountRow(long id, String name, long mappings, int version) implements java.io.Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    /** The enterprise's sub-accounts by name, each with the number of group mappings to it. */
    public List<SubAccountRow> list(long enterpriseId) {
        List<SubAccountRow> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT s.id, s.name, (SELECT COUNT(*) FROM group_mapping gm "
                        + "WHERE gm.sub_account_id = s.id), s.version FROM sub_account s WHERE s.enterprise_id = ? "
                        + "ORDER BY s.name_key, s.id")
                .setParameter(1, enterpriseId).getResultList()) {
            Object[] c = (Object[]) row;
            rows.add(new SubAccountRow(((Number) c[0]).longValue(), (String) c[1], ((Number) c[2]).longValue(),
                    ((Number) c[3]).intValue()));
        }
        return rows;
    }

    /**
     * Renames a sub-account. {@code expectedVersion} is the version the admin saw: if someone changed it
     * since, the rename is refused (412) rather than overwriting their change. Renaming to the same name
     * changes nothing.
     */
    public SubAccountRow rename(Actor actor, long subAccountId, int expectedVersion, String newName) {
        long enterpriseId = actor.enterpriseId();
        String name = newName == null ? "" : newName.trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ScimException.invalidValue("A sub-account needs a name of 1 to " + MAX_NAME + " characters.");
        }
        SubAccountRow before = list(enterpriseId).stream().filter(s -> s.id() == subAccountId).findFirst()
                .orElseThrow(() -> ScimException.notFound("No sub-account " + subAccountId + " in this enterprise."));
        if (before.version() != expectedVersion) {
            throw ScimException.preconditionFailed("Someone changed the sub-account '" + before.name()
                    + "' while you were editing it; reload the page and try again.");
        }
        if (before.name().equals(name)) {
            return before;
        }
        int updated;
        try {
            updated = em.createNativeQuery("UPDATE sub_account SET name = ?, name_key = ?, last_modified = ?, "
                            + "version = version + 1 WHERE id = ? AND enterprise_id = ? AND version = ?")
                    .setParameter(1, name).setParameter(2, name.toLowerCase(Locale.ROOT))
                    .setParameter(3, new UtcInstantConverter().convertToDatabaseColumn(Clock.now()))
                    .setParameter(4, subAccountId).setParameter(5, enterpriseId).setParameter(6, expectedVersion)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "uq_sub_account_name")) {
                throw ScimException.uniqueness("A sub-account named '" + name + "' already exists.");
            }
            throw e;
        }
        if (updated == 0) {
            throw ScimException.preconditionFailed("Someone changed the sub-account '" + before.name()
                    + "' while you were editing it; reload the page and try again.");
        }
        audit.record(actor, "SUB_ACCOUNT_RENAMED", "SubAccount", Long.toString(subAccountId), name,
                ScimJson.object().add("name", before.name()).build(), ScimJson.object().add("name", name).build());
        return new SubAccountRow(subAccountId, name, before.mappings(), expectedVersion + 1);
    }
}
