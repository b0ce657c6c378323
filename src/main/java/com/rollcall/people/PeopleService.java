package com.rollcall.people;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.scim.message.ScimException;
import com.rollcall.users.UserDirectoryService;
import com.rollcall.users.UserSummary;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An enterprise's console users (the people page and {@code /api/admin/v1/console-users}): list, invite, change
 * role, disable, enable, send the invitation again, remove. Only an Enterprise Admin (or an admin-scope token) manages
 * them; the operator of Rollcall invites an enterprise's first admin. An enterprise never goes without an active
 * Enterprise Admin: removing, disabling or demoting the last one is refused, and so is disabling or removing
 * yourself. Every change is audited.
 */
@Stateless
public class PeopleService {
    /** How long an invitation link works. */
    public static final Duration INVITATION_TTL = Duration.ofHours(72);
    public static final int MAX_LOGIN_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>(),;:]+@[^@\\s\"<>(),;:]+\\.[^@\\s\"<>(),;:.]+");

    @Inject
    private ConsoleUserRepository users;

    @Inject
    private UserDirectoryService directory;

    @Inject
    private AuditTrail audit;

    /** The enterprise's console users by login, each with the user of the same email it is linked to. */
    public List<ConsoleUserView> list(long enterpriseId) {
        List<ConsoleUser> all = users.ofEnterprise(enterpriseId);
        Map<String, UserSummary> linked = directory.byEmails(enterpriseId, all.stream().map(ConsoleUser::loginKey).toList());
        Instant now = Clock.now();
        return all.stream().map(u -> ConsoleUserView.of(u, now, linked.get(u.loginKey()))).toList();
    }

    public ConsoleUserView find(long enterpriseId, long id) {
        ConsoleUser user = require(enterpriseId, id);
        return view(user);
    }

    /** The console login linked to a user of the enterprise by one of their emails, if any (the user page shows it). */
    public Optional<ConsoleUserView> loginOf(long enterpriseId, java.util.Set<String> emailKeys) {
        return users.byLoginKeys(enterpriseId, emailKeys).stream().findFirst().map(ConsoleUserView::of);
    }

    /**
     * Invites a person by email to a console role: a login without a password, and a one-time link valid for
     * {@link #INVITATION_TTL} (answered once; only its hash is kept). An email that already has a console login
     * (one per person in all of Rollcall) is a 409.
     */
    public IssuedInvitation invite(Actor actor, String email, String displayName, ConsoleRole role) {
        requireManager(actor);
        String login = requireEmail(email);
        String name = displayName == null || displayName.isBlank() ? login : displayName.strip();
        if (name.length() > 200) {
            throw ScimException.invalidValue("'displayName' must have at most 200 characters.");
        }
        if (role == null) {
            throw ScimException.invalidValue("'role' is required: ENTERPRISE_ADMIN or INTEGRATIONS_MANAGER.");
        }
        users.byLogin(login).ifPresent(existing -> {
            throw ScimException.uniqueness(existing.enterpriseId() == actor.enterpriseId()
                    ? login + " is already a console user of this enterprise."
                    : login + " already has a Rollcall console login (one email, one login in all of Rollcall): invite "
                            + "another address.");
        });
        String token = ApiTokens.generate();
        Instant expires = Clock.now().plus(INVITATION_TTL);
        ConsoleUser user = ConsoleUser.invited(actor.enterpriseId(), login, name, role, actor.name(), ApiTokens.hash(token),
                expires);
        users.add(user);
        ConsoleUserView view = view(user);
        audit.record(actor, "CONSOLE_USER_INVITED", "ConsoleUser", Long.toString(user.id()), login, null, view.toJson());
        return new IssuedInvitation(view, token, expires);
    }

    /** A new link for a login still invited (the previous link stops working); 409 once the password is set. */
    public IssuedInvitation resendInvitation(Actor actor, long id) {
        requireManager(actor);
        ConsoleUser user = require(actor.enterpriseId(), id);
        if (user.passwordHash() != null) {
            throw ScimException.conflict(user.login() + " already accepted the invitation: there is nothing to send again.");
        }
        String token = ApiTokens.generate();
        Instant expires = Clock.now().plus(INVITATION_TTL);
        ConsoleUserView before = view(user);
        user.reinvite(ApiTokens.hash(token), expires, actor.name());
        users.flush();
        ConsoleUserView after = view(user);
        audit.record(actor, "CONSOLE_USER_INVITATION_RESENT", "ConsoleUser", Long.toString(id), user.login(),
                before.toJson(), after.toJson());
        return new IssuedInvitation(after, token, expires);
    }

    /** Changes a login's role; demoting the last active Enterprise Admin is refused (409). */
    public ConsoleUserView changeRole(Actor actor, long id, ConsoleRole role) {
        requireManager(actor);
        List<ConsoleUser> all = users.ofEnterpriseForUpdate(actor.enterpriseId());
        ConsoleUser user = in(all, id);
        if (user.role() == role) {
            return view(user);
        }
        if (user.role() == ConsoleRole.ENTERPRISE_ADMIN && isLastActiveAdmin(all, user)) {
            throw ScimException.conflict(user.login() + " is the enterprise's last active Enterprise Admin: make someone "
                    + "else an Enterprise Admin first.");
        }
        ConsoleUserView before = view(user);
        user.changeRole(role);
        users.flush();
        return audited(actor, "CONSOLE_USER_ROLE_CHANGED", user, before);
    }

    /** Disables a login (its open sessions end at their next request). Refused for yourself and the last admin. */
    public ConsoleUserView disable(Actor actor, long id) {
        requireManager(actor);
        List<ConsoleUser> all = users.ofEnterpriseForUpdate(actor.enterpriseId());
        ConsoleUser user = in(all, id);
        if (user.disabled()) {
            return view(user);
        }
        refuseSelf(actor, user, "disable");
        refuseLastAdmin(all, user, "disable");
        ConsoleUserView before = view(user);
        user.disable("Disabled by " + actor.name());
        users.flush();
        return audited(actor, "CONSOLE_USER_DISABLED", user, before);
    }

    public ConsoleUserView enable(Actor actor, long id) {
        requireManager(actor);
        ConsoleUser user = require(actor.enterpriseId(), id);
        if (!user.disabled()) {
            return view(user);
        }
        ConsoleUserView before = view(user);
        user.enable();
        users.flush();
        return audited(actor, "CONSOLE_USER_ENABLED", user, before);
    }

    /** Removes a login (its sessions end at their next request). Refused for yourself and the last admin. */
    public void remove(Actor actor, long id) {
        requireManager(actor);
        List<ConsoleUser> all = users.ofEnterpriseForUpdate(actor.enterpriseId());
        ConsoleUser user = in(all, id);
        refuseSelf(actor, user, "remove");
        refuseLastAdmin(all, user, "remove");
        ConsoleUserView before = view(user);
        users.remove(user);
        audit.record(actor, "CONSOLE_USER_REMOVED", "ConsoleUser", Long.toString(id), user.login(), before.toJson(), null);
    }

    /**
     * Disables the enterprise's console logins whose email is one the departed user had (rule: offboarding follows
     * the IdP), in the transaction that deactivated or deleted the user, each audited. Returns how many.
     */
    public int disableLinked(Actor actor, long enterpriseId, java.util.Collection<String> emailKeys, String userName, boolean deleted) {
        int disabled = 0;
        for (ConsoleUser user : users.byLoginKeys(enterpriseId, emailKeys)) {
            if (user.disabled()) {
                continue;
            }
            ConsoleUserView before = view(user);
            user.disable((deleted ? "Deleted" : "Deactivated") + " in the identity provider (user " + userName + ")");
            users.flush();
            audited(actor, "CONSOLE_USER_DISABLED", user, before);
            disabled++;
        }
        return disabled;
    }

    private ConsoleUserView audited(Actor actor, String action, ConsoleUser user, ConsoleUserView before) {
        ConsoleUserView after = view(user);
        audit.record(actor, action, "ConsoleUser", Long.toString(user.id()), user.login(), before.toJson(), after.toJson());
        return after;
    }

    private ConsoleUserView view(ConsoleUser user) {
        UserSummary linked = directory.byEmails(user.enterpriseId(), List.of(user.loginKey())).get(user.loginKey());
        return ConsoleUserView.of(user, Clock.now(), linked);
    }

    private static void refuseSelf(Actor actor, ConsoleUser user, String verb) {
        if (actor.type() == Actor.ActorType.CONSOLE_USER && user.loginKey().equals(ConsoleUser.loginKey(actor.id()))) {
            throw ScimException.conflict("You cannot " + verb + " yourself: ask another Enterprise Admin.");
        }
    }

    private static void refuseLastAdmin(List<ConsoleUser> all, ConsoleUser user, String verb) {
        if (user.role() == ConsoleRole.ENTERPRISE_ADMIN && isLastActiveAdmin(all, user)) {
            throw ScimException.conflict("You cannot " + verb + " " + user.login() + ": they are the enterprise's last active "
                    + "Enterprise Admin. Make someone else an Enterprise Admin first.");
        }
    }

    /** Whether no other Enterprise Admin of the enterprise can sign in (has a password and is not disabled). */
    private static boolean isLastActiveAdmin(List<ConsoleUser> all, ConsoleUser user) {
        return user.signInAllowed() && all.stream().noneMatch(other -> !other.id().equals(user.id())
                && other.role() == ConsoleRole.ENTERPRISE_ADMIN && other.signInAllowed());
    }

    private static ConsoleUser in(List<ConsoleUser> all, long id) {
        return all.stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> ScimException.notFound("There is no console user " + id + " in this enterprise."));
    }

    private ConsoleUser require(long enterpriseId, long id) {
        return users.find(enterpriseId, id)
                .orElseThrow(() -> ScimException.notFound("There is no console user " + id + " in this enterprise."));
    }

    /** An Enterprise Admin, an admin-scope token, or the operator (inviting an enterprise's first admin). */
    private static void requireManager(Actor actor) {
        if (!actor.isOperator() && !actor.holdsAll(EnumSet.of(ApiScope.ADMIN))) {
            throw ScimException.forbidden("Only an Enterprise Admin manages the enterprise's console users.");
        }
    }

    /** A syntactically plausible email of at most 200 characters, trimmed; else 400 naming the field. */
    static String requireEmail(String email) {
        String value = email == null ? "" : email.strip();
        if (value.isEmpty()) {
            throw ScimException.invalidValue("'email' is required.");
        }
        if (value.length() > MAX_LOGIN_LENGTH || !EMAIL.matcher(value).matches()) {
            throw ScimException.invalidValue("'email' must be an email address such as ann.lee@example.com (at most "
                    + MAX_LOGIN_LENGTH + " characters).");
        }
        return value;
    }
}
