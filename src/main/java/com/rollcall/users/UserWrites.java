package com.rollcall.users;

import com.rollcall.audit.AuditTrail;
import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.licensing.LicenseGuard;
import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.message.ScimException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Set;

/**
 * The rules every write to a user obeys, whoever makes it (SCIM, console, admin API), inside the
 * calling use case's transaction: unique identifiers, seats that follow the user's state, and the
 * SCIM form with the user's groups.
 */
@ApplicationScoped
class UserWrites {
    @Inject
    private ChangeFeed feed;

    @Inject
    private UserRepository users;

    @Inject
    private GroupsOfUsers groupsOfUsers;

    @Inject
    private LicenseGuard seats;

    @Inject
    private AuditTrail audit;

    @Inject
    private Event<UserDeparted> departures;

    /** Whether a user was active, and their emails, before a change: to tell afterwards whether they left. */
    record Presence(boolean active, Set<String> emailKeys) {
    }

    Presence presence(UserAccount user) {
        return new Presence(user.active(), user.attributes().emailKeys());
    }

    /**
     * Tells the other rooms, in this transaction, that the user left if the change deactivated or deleted them (a
     * linked console login is disabled with it).
     */
    private void departedIfLeft(Actor actor, UserAccount user, Presence before) {
        boolean deleted = user.deletedAt() != null;
        if (deleted || (before.active() && !user.active())) {
            Set<String> keys = new java.util.HashSet<>(before.emailKeys());
            if (!deleted) {
                keys.addAll(user.attributes().emailKeys());
            }
            departures.fire(new UserDeparted(actor, user.enterpriseId(), user.id(), user.scimId(), user.userName(), keys,
                    deleted));
        }
    }

    /**
     * Creates a user of this source: unique identifiers, a seat when active (403 at the limit), the
     * insert, and its audit event. Returns its SCIM form.
     */
    JsonObject insert(Actor actor, UserSource source, UserAttributes attributes, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        UserAccount user = new UserAccount(enterpriseId, source, attributes);
        requireUnique(enterpriseId, user, attributes);
        boolean takesSeat = user.needsSeat();
        if (takesSeat) {
            user.seatTaken();
        }
        insert(enterpriseId, user);
        JsonObject created = UserScimMapper.toJson(user, baseUrl);
        audit.record(actor, "USER_CREATED", "User", user.scimId(), user.userName(), null, created);
        feed.record(actor, EventType.USER_CREATED, "User", user.scimId(), created);
        if (takesSeat) {
            // Last: the tenant's counter row is locked from here to the commit, so concurrent creates of
            // one tenant queue on it only for that long, not for their inserts too. A refusal (403) rolls
            // the insert back with everything else. Locks are taken user first, counter second, as in
            // every other write (PATCH, PUT, DELETE lock the user row before the counter).
            seats.takeSeat(enterpriseId, actor.requestId());
        }
        return created;
    }

    /**
     * Writes a changed user (read locked by {@link UserRepository#findLiveForUpdate} or {@link UserRepository#lock})
     * and what follows from the change, in this order: its seat made to match its state on the user (PRODUCT.md rules
     * 4 and 5: an active live user holds a seat, an inactive or deleted one frees it); the plain-SQL UPDATE of the user
     * (a unique-key race lost there is 409 uniqueness); the departure of a user who left ({@link #departedIfLeft}); and
     * last the tenant's seat counter, taken (403 at the limit, which rolls everything back) or freed. Locks are taken
     * user row first, counter second, as in {@link #insert}.
     */
    void save(Actor actor, UserAccount user, Presence before) {
        boolean takesSeat = user.needsSeat() && !user.holdsSeat();
        boolean freesSeat = !user.needsSeat() && user.holdsSeat();
        if (takesSeat) {
            user.seatTaken();
        } else if (freesSeat) {
            user.seatFreed();
        }
        try {
            users.update(actor.enterpriseId(), user);
        } catch (PersistenceException e) {
            throw uniquenessOr(e);
        }
        departedIfLeft(actor, user, before);
        if (takesSeat) {
            seats.takeSeat(actor.enterpriseId(), actor.requestId());
        } else if (freesSeat) {
            seats.freeSeat(actor.enterpriseId());
        }
    }

    /**
     * 409 when another live user of the enterprise holds this userName or externalId. A saved user whose
     * userName (case-insensitively) and externalId stay as they are needs no lookup: it holds them.
     */
    void requireUnique(long enterpriseId, UserAccount self, UserAttributes attributes) {
        if (self.id() != null && java.util.Objects.equals(UserAccount.userNameKey(self.userName()),
                UserAccount.userNameKey(attributes.userName()))
                && java.util.Objects.equals(self.attributes().externalId(), attributes.externalId())) {
            return;
        }
        UserRepository.Holders holders = users.holders(enterpriseId, attributes.userName(), attributes.externalId());
        if (holders.userName() != null && !holders.userName().equals(self.id())) {
            throw ScimException.uniqueness("userName '" + attributes.userName() + "' is already taken by another user.");
        }
        if (holders.externalId() != null && !holders.externalId().equals(self.id())) {
            throw ScimException.uniqueness("externalId '" + attributes.externalId() + "' is already taken by another user.");
        }
    }

    /**
     * The plain-SQL insert, a unique-key race lost at the database on the user's own values turned into 409
     * uniqueness; any other violation (a generated id) stays a server fault.
     */
    private void insert(long enterpriseId, UserAccount user) {
        try {
            users.insert(enterpriseId, user);
        } catch (PersistenceException e) {
            throw uniquenessOr(e);
        }
    }

    private static RuntimeException uniquenessOr(PersistenceException e) {
        if (Constraints.violated(e, "uq_user_name")) {
            return ScimException.uniqueness("userName is already taken by another user.");
        }
        if (Constraints.violated(e, "uq_user_external_id")) {
            return ScimException.uniqueness("externalId is already taken by another user.");
        }
        return e;
    }

    /** The user's SCIM form, with its groups. */
    JsonObject toJson(long enterpriseId, UserAccount user, String baseUrl) {
        return UserScimMapper.toJson(user, groupsOf(enterpriseId, user), baseUrl);
    }

    /** The user's groups (one query); a write to a user does not change them, so one read serves before and after. */
    List<UserScimMapper.GroupRef> groupsOf(long enterpriseId, UserAccount user) {
        return groupsOfUsers.of(enterpriseId, List.of(user.id())).getOrDefault(user.id(), List.of());
    }
}
