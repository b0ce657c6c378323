package com.rollcall.groups;

import com.rollcall.audit.AuditSubject;
import com.rollcall.audit.AuditTrail;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.ProvisioningMode;
import com.rollcall.events.ChangeFeed;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import com.rollcall.users.UserRepository;
import com.rollcall.users.UserSummary;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Group membership changed by hand (console, admin API), under PRODUCT.md rule 6: in Managed in
 * Connected System mode the IdP owns the membership of its users, so adding or removing a SCIM-sourced
 * user is refused with the reason; manual users can be placed in groups in either mode.
 */
@Stateless
public class ManualGroupService {
    @Inject
    private ChangeFeed feed;

    @Inject
    private GroupRepository groups;

    @Inject
    private UserRepository users;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private AuditTrail audit;

    @Inject
    private MembershipEffects effects;

    /** Adds the user to the group (a no-op when it is already a member); returns whether it was added. */
    public boolean addMember(Actor actor, String groupId, String userId) {
        return change(actor, groupId, userId, true);
    }

    /** Removes the user from the group (a no-op when it is not a member); returns whether it was removed. */
    public boolean removeMember(Actor actor, String groupId, String userId) {
        return change(actor, groupId, userId, false);
    }

    private boolean change(Actor actor, String groupId, String userId, boolean add) {
        long enterpriseId = actor.enterpriseId();
        UserGroup group = groups.findForUpdate(enterpriseId, groupId)
                .orElseThrow(() -> ScimException.notFound("Group " + groupId + " not found."));
        UserSummary user = users.liveSummary(enterpriseId, userId)
                .orElseThrow(() -> ScimException.notFound("User " + userId + " not found."));
        if (user.scimSourced() && enterprises.find(enterpriseId).orElseThrow().provisioningMode()
                == ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM) {
            throw ScimException.forbidden("This user's group memberships are managed by your identity provider "
                    + "(provisioning is set to 'Managed in Connected System'): change them there.");
        }
        MembershipEffects.Change roles = effects.begin(actor, group);
        roles.users(List.of(user.id()));
        roles.lock();
        int changed = add ? groups.addUsers(enterpriseId, group.id(), List.of(user.id()), Clock.now())
                : groups.removeUsers(enterpriseId, group.id(), List.of(user.id()));
        if (changed == 0) {
            return false;
        }
        group.adjustMemberCount(add ? changed : -changed);
        groups.flush();
        MembershipLog log = new MembershipLog();
        if (add) {
            log.joined(List.of(user.id()));
        } else {
            log.left(List.of(user.id()));
        }
        log.publish(feed, actor, group, users);
        roles.apply();
        audit.record(actor, add ? "GROUP_MEMBER_ADDED" : "GROUP_MEMBER_REMOVED", "Group", group.scimId(),
                group.displayName(), null, ScimJson.object().add(add ? "memberAdded" : "memberRemoved", userId)
                        .add("userName", user.userName()).build(), List.of(add ? AuditSubject.joined(user.scimId(), user.userName())
                        : AuditSubject.left(user.scimId(), user.userName())));
        return true;
    }
}
