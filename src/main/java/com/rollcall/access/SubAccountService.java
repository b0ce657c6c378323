package com.rollcall.access;

import com.rollcall.audit.AuditTrail;
import com.rollcall.groups.GroupRepository;
import com.rollcall.platform.text.Plural;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Map;

/**
 * Sub-accounts as the console manages them: listed with how many group mappings point at each, and
 * created and renamed (names stay unique case-insensitively; a rename based on a stale read is refused).
 */
@Stateless
public class SubAccountService {
    /** Longest sub-account name. */
    public static final int MAX_NAME = 200;

    /** A sub-account in the console's list; {@code version} guards a rename against a stale read. */
    public record SubAccountRow(long id, String name, long mappings, int version) implements java.io.Serializable {
    }

    @Inject
    private SubAccountRepository subAccounts;

    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private AuditTrail audit;

    @Inject
    private GroupRepository groups;

    @Inject
    private EffectiveRoleRepository effectiveRoles;

    /** The enterprise's sub-accounts by name. */
    public List<SubAccountView> subAccounts(long enterpriseId) {
        return subAccounts.list(enterpriseId).stream().map(SubAccountView::of).toList();
    }

    /** The enterprise's sub-accounts by name, each with the number of group mappings to it. */
    public List<SubAccountRow> list(long enterpriseId) {
        Map<Long, Long> counts = mappings.countsBySubAccount(enterpriseId);
        return subAccounts.list(enterpriseId).stream().map(s -> new SubAccountRow(s.id(), s.name(),
                counts.getOrDefault(s.id(), 0L), s.version())).toList();
    }

    public SubAccountView create(Actor actor, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw ScimException.invalidValue("A sub-account needs a name of 1 to " + MAX_NAME + " characters.");
        }
        if (subAccounts.nameTaken(actor.enterpriseId(), trimmed, 0)) {
            // Checked first: a refusal is expected, and a unique-key violation would cost the log a stack trace.
            throw ScimException.uniqueness("A sub-account named '" + trimmed + "' already exists.");
        }
        SubAccount subAccount = new SubAccount(actor.enterpriseId(), trimmed);
        try {
            subAccounts.add(subAccount);
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "uq_sub_account_name")) {
                throw ScimException.uniqueness("A sub-account named '" + name.trim() + "' already exists.");
            }
            throw e;
        }
        audit.record(actor, "SUB_ACCOUNT_CREATED", "SubAccount", subAccount.id().toString(), subAccount.name(), null,
                ScimJson.object().add("name", subAccount.name()).build());
        return SubAccountView.of(subAccount);
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
        if (subAccounts.nameTaken(enterpriseId, name, subAccountId)) {
            throw ScimException.uniqueness("A sub-account named '" + name + "' already exists.");
        }
        int updated;
        try {
            updated = subAccounts.rename(enterpriseId, subAccountId, expectedVersion, name, Clock.now());
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

    /**
     * Deletes a sub-account no group mapping uses (kept mappings of groups the IdP deleted included): one that is
     * used is refused with the groups named, since deleting it would take roles away or lose the admin's mappings.
     * {@code expectedVersion} is the version the admin saw. Audited as {@code SUB_ACCOUNT_DELETED}.
     */
    public void delete(Actor actor, long subAccountId, int expectedVersion) {
        long enterpriseId = actor.enterpriseId();
        SubAccountRow before = list(enterpriseId).stream().filter(s -> s.id() == subAccountId).findFirst()
                .orElseThrow(() -> ScimException.notFound("No sub-account " + subAccountId + " in this enterprise."));
        if (before.version() != expectedVersion) {
            throw ScimException.preconditionFailed("Someone changed the sub-account '" + before.name()
                    + "' while you were looking at it; reload the page and try again.");
        }
        List<long[]> uses = mappings.usesOfSubAccount(enterpriseId, subAccountId);
        if (!uses.isEmpty()) {
            Map<Long, String[]> names = groups.names(enterpriseId, uses.stream().map(u -> u[0]).toList());
            List<String> active = uses.stream().filter(u -> u[1] == 0).map(u -> groupName(names, u[0])).distinct().toList();
            List<String> kept = uses.stream().filter(u -> u[1] == 1).map(u -> groupName(names, u[0])).distinct().toList();
            StringBuilder why = new StringBuilder("The sub-account '" + before.name() + "' cannot be deleted: ");
            if (!active.isEmpty()) {
                long n = uses.stream().filter(u -> u[1] == 0).count();
                why.append(Plural.count(n, "group mapping")).append(n == 1 ? " uses" : " use").append(" it (")
                        .append(String.join(", ", active)).append(")");
            }
            if (!kept.isEmpty()) {
                why.append(active.isEmpty() ? "" : "; ").append("mappings kept from ").append(String.join(", ", kept))
                        .append(" (deleted by your identity provider) use it");
            }
            throw ScimException.conflict(why.append(". Remove those mappings first.").toString());
        }
        effectiveRoles.removeScope(enterpriseId, subAccountId);
        if (subAccounts.delete(enterpriseId, subAccountId, expectedVersion) == 0) {
            throw ScimException.preconditionFailed("Someone changed the sub-account '" + before.name()
                    + "' while you were looking at it; reload the page and try again.");
        }
        audit.record(actor, "SUB_ACCOUNT_DELETED", "SubAccount", Long.toString(subAccountId), before.name(),
                ScimJson.object().add("name", before.name()).build(), null);
    }

    private static String groupName(Map<Long, String[]> names, long groupId) {
        String[] name = names.get(groupId);
        return name == null ? "a group" : "“" + name[1] + "”";
    }
}
