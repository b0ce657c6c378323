package com.rollcall.users;

import com.rollcall.audit.AuditTrail;
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
 * What an administrator does to users by hand (console, admin API), under PRODUCT.md rule 6: in
 * <em>Managed in Connected System</em> mode, SCIM-sourced users are the IdP's — they cannot be edited,
 * deactivated or reactivated here, and the refusal says why. In <em>Managed in Platform</em> mode
 * edits are allowed, and an edit of a SCIM-sourced user is flagged as at risk of being overwritten by
 * the IdP's next cycle. Seats and uniqueness follow the same rules as SCIM writes.
 */
@Stateless
public class ManualUserService {
    /** The result of a manual write, and whether the IdP may still overwrite it. */
    public record ManualEdit(JsonObject user, boolean mayBeOverwrittenByIdp) {
    }

    @Inject
    private UserRepository users;

    @Inject
    private UserWrites writes;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private AuditTrail audit;

    /** Creates a MANUAL user (taking a seat when active; 403 at the limit). */
    public JsonObject create(Actor actor, JsonObject body, String baseUrl) {
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
        writes.reconcileSeat(actor, user);
        writes.departedIfLeft(actor, user, presence);
        writes.flush();
        JsonObject after = writes.toJson(enterpriseId, user, baseUrl);
        audit.record(actor, "USER_EDITED", "User", user.scimId(), user.userName(), before, after);
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
        writes.reconcileSeat(actor, user);
        writes.departedIfLeft(actor, user, presence);
        writes.flush();
        JsonObject after = writes.toJson(enterpriseId, user, baseUrl);
        audit.record(actor, active ? "USER_REACTIVATED" : "USER_DEACTIVATED", "User", user.scimId(), user.userName(),
                before, after);
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

    /** Rule 6: why a user of this source cannot be edited by hand in this mode, if it cannot. */
    public static Optional<String> lockedReason(UserSource source, ProvisioningMode mode) {
        if (source == UserSource.SCIM && mode == ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM) {
            return Optional.of("This user is managed by your identity provider (provisioning is set to "
                    + "'Managed in Connected System'): change it there, or switch provisioning back to 'Managed in Platform'.");
        }
        return Optional.empty();
    }

    private ProvisioningMode mode(Actor actor) {
        return enterprises.find(actor.enterpriseId()).orElseThrow().provisioningMode();
    }

    /** In platform mode an edited SCIM user may still be overwritten by the IdP (PRODUCT.md rule 1). */
    private static boolean atRisk(UserAccount user) {
        return user.source() == UserSource.SCIM;
    }
}
