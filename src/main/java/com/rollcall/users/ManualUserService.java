package com.rollcall.users;

import com.rollcall.audit.AuditTrail;
import com.rollcall.events.ChangeFeed;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.ProvisioningMode;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.message.Preconditions;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * What an administrator does to users by hand (console, admin API), under PRODUCT.md rules 1 and 6: in
 * <em>Managed in Connected System</em> mode the IdP is the source of users — none can be added, edited,
 * deactivated or reactivated here (SCIM-sourced or manual), and the refusal says why and points to the IdP;
 * group mappings stay editable. In <em>Managed in Platform</em> mode everything is allowed, and an edit of a
 * SCIM-sourced user is flagged as at risk of being overwritten by the IdP's next cycle. Seats and uniqueness
 * follow the same rules as SCIM writes.
 */
@Stateless
public class ManualUserService {
    /** The result of a manual write, and whether the IdP may still overwrite it. */
    public record ManualEdit(JsonObject user, boolean mayBeOverwrittenByIdp) {
    }

    @Inject
    private ChangeFeed feed;

    @Inject
    private UserRepository users;

    @Inject
    private UserWrites writes;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private AuditTrail audit;

    /**
     * Creates a MANUAL user (taking a seat when active; 403 at the limit), unless the connected system manages
     * users (rule 1: 403 with the reason).
     */
    public JsonObject create(Actor actor, JsonObject body, String baseUrl) {
        Optional<String> refused = addingRefusedReason(mode(actor));
        if (refused.isPresent()) {
            throw ScimException.forbidden(refused.get());
        }
        return writes.insert(actor, UserSource.MANUAL, UserScimMapper.fromJson(body), baseUrl);
    }

    /** Replaces the user's attributes (as a SCIM PUT would), if rule 6 allows. */
    public ManualEdit edit(Actor actor, String scimId, String ifMatch, JsonObject body, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        UserAttributes attributes = UserScimMapper.fromJson(body);
        UserAccount user = editable(actor, scimId, ifMatch);
        JsonObject before = writes.toJson(enterpriseId, user, baseUrl);
        UserAttributes merged = attributes.active() == null ? attributes.withActive(user.active()) : attributes;
        if (merged.equals(user.attributes())) {
            return new ManualEdit(before, atRisk(user));
        }
        writes.requireUnique(enterpriseId, user, merged);
        UserWrites.Presence presence = writes.presence(user);
        user.replace(merged);
        writes.save(actor, user, presence);
        JsonObject after = writes.toJson(enterpriseId, user, baseUrl);
        audit.record(actor, "USER_EDITED", "User", user.scimId(), user.userName(), before, after);
        feed.userChanged(actor, user.scimId(), before, after);
        return new ManualEdit(after, atRisk(user));
    }

    /** Deactivates (frees the seat) or reactivates (takes one; 403 at the limit), if rule 6 allows. */
    public ManualEdit setActive(Actor actor, String scimId, String ifMatch, boolean active, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        UserAccount user = editable(actor, scimId, ifMatch);
        JsonObject before = writes.toJson(enterpriseId, user, baseUrl);
        if (user.active() == active) {
            return new ManualEdit(before, atRisk(user));
        }
        UserWrites.Presence presence = writes.presence(user);
        user.replace(user.attributes().withActive(active));
        writes.save(actor, user, presence);
        JsonObject after = writes.toJson(enterpriseId, user, baseUrl);
        audit.record(actor, active ? "USER_REACTIVATED" : "USER_DEACTIVATED", "User", user.scimId(), user.userName(),
                before, after);
        feed.userChanged(actor, user.scimId(), before, after);
        return new ManualEdit(after, atRisk(user));
    }

    private UserAccount editable(Actor actor, String scimId, String ifMatch) {
        UserAccount user = users.findLiveForUpdate(actor.enterpriseId(), scimId)
                .orElseThrow(() -> ScimException.notFound("User " + scimId + " not found."));
        Preconditions.checkIfMatch(ifMatch, user.version());
        Optional<String> locked = lockedReason(user.source(), mode(actor));
        if (locked.isPresent()) {
            throw ScimException.forbidden(locked.get());
        }
        return user;
    }

    /**
     * Rule 1: why users cannot be added by hand in this mode, if they cannot: the connected system (the IdP) adds
     * them.
     */
    public static Optional<String> addingRefusedReason(ProvisioningMode mode) {
        if (mode == ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM) {
            return Optional.of("Users cannot be added here while provisioning is set to 'Managed in Connected "
                    + "System': your identity provider adds them. Assign the person to Rollcall in your identity "
                    + "provider (it provisions them in its next cycle), or switch provisioning back to 'Managed in "
                    + "Platform' in Settings.");
        }
        return Optional.empty();
    }

    /**
     * Rules 1 and 6: why a user of this source cannot be edited by hand in this mode, if it cannot. In Managed in
     * Connected System mode no user can: a SCIM user is the IdP's, and a manual user becomes the IdP's at its first
     * write (rule 2).
     */
    public static Optional<String> lockedReason(UserSource source, ProvisioningMode mode) {
        if (mode != ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM) {
            return Optional.empty();
        }
        if (source == UserSource.SCIM) {
            return Optional.of("This user is managed by your identity provider (provisioning is set to "
                    + "'Managed in Connected System'): change it there, or switch provisioning back to 'Managed in Platform'.");
        }
        return Optional.of("Users cannot be edited here while provisioning is set to 'Managed in Connected System': "
                + "your identity provider manages them. This manual user is linked to the identity provider's user "
                + "when the identity provider first writes to it (after finding it by userName or by your identifier "
                + "rule). Change the person in your identity provider, or switch provisioning back to 'Managed in "
                + "Platform' to edit this user here.");
    }

    private ProvisioningMode mode(Actor actor) {
        return enterprises.find(actor.enterpriseId()).orElseThrow().provisioningMode();
    }

    /** In platform mode an edited SCIM user may still be overwritten by the IdP (PRODUCT.md rule 1). */
    private static boolean atRisk(UserAccount user) {
        return user.source() == UserSource.SCIM;
    }
}
