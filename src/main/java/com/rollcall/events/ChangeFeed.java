package com.rollcall.events;

import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The transactional outbox: rooms record change events here inside the transaction of the change, so an
 * event commits with its change or not at all. Events are collected per transaction and written when the
 * outermost EJB call of the transaction returns ({@link OutboxFlush}, a default interceptor): the enterprise's
 * position counter is then the last lock the transaction takes, held only until the commit, so taking it can never
 * close a cycle with the row locks (users, groups, seats) the use case took before. Outside any EJB call the events
 * are written at once.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Object KEY = ChangeFeed.class.getName() + ".pending";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ChangeFeed.class.getName());
    private static volatile boolean warned;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private ChangeEventRepository events;

    /** The events of one transaction and how deep inside EJB calls it is. */
    static final class Pending {
        private final List<PendingEvent> events = new ArrayList<>();
        private int depth;
    }

    /** Records an event of the actor's enterprise (none for actors of no enterprise). */
    public void record(Actor actor, EventType type, String resourceType, String resourceId, JsonObject data) {
        record(actor.enterpriseId(), actor.requestId(), type, resourceType, resourceId, data);
    }

    /** Records an event of this enterprise, caused by that request (null: none). */
    public void record(long enterpriseId, String requestId, EventType type, String resourceType, String resourceId,
            JsonObject data) {
        if (enterpriseId == Actor.NO_ENTERPRISE) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("change events are recorded inside the transaction of their change");
        }
        PendingEvent event = new PendingEvent(UUID.randomUUID().toString(), enterpriseId, type, Clock.now(), resourceType,
                resourceId, requestId, data == null ? JsonValue.EMPTY_JSON_OBJECT : data);
        Pending pending = (Pending) transactions.getResource(KEY);
        if (pending == null || pending.depth == 0) {
            if (!warned) {
                warned = true;
                LOG.warning("A change event was written outside an EJB call (" + type.wireName() + "): it takes the "
                        + "enterprise's feed lock before the change is done; record events from EJB use cases");
            }
            events.append(List.of(event));
        } else {
            pending.events.add(event);
        }
    }

    /**
     * A user changed from {@code before} to {@code after} (SCIM forms): {@code user.deactivated} or
     * {@code user.reactivated} when {@code active} flipped, and {@code user.updated} naming the changed attributes
     * when anything else changed.
     */
    public void userChanged(Actor actor, String scimId, JsonObject before, JsonObject after) {
        boolean wasActive = before.getBoolean("active", true);
        boolean isActive = after.getBoolean("active", true);
        Set<String> changed = changedAttributes(before, after);
        changed.remove("active");
        if (!changed.isEmpty()) {
            record(actor, EventType.USER_UPDATED, "User", scimId, ScimJson.object(after)
                    .add("changedAttributes", ScimJson.array(List.copyOf(changed))).build());
        }
        if (wasActive != isActive) {
            record(actor, isActive ? EventType.USER_REACTIVATED : EventType.USER_DEACTIVATED, "User", scimId, after);
        }
    }

    /**
     * The names of the attributes that differ between two SCIM forms (top level, {@code meta} and {@code groups}
     * aside; an extension's changed sub-attributes as {@code <urn>:<name>}), sorted.
     */
    static Set<String> changedAttributes(JsonObject before, JsonObject after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeAll(Set.of("meta", "groups", "schemas", "id"));
        Set<String> changed = new TreeSet<>();
        for (String name : names) {
            JsonValue b = before.get(name);
            JsonValue a = after.get(name);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (name.startsWith("urn:") && b instanceof JsonObject bo && a instanceof JsonObject ao) {
                changed.addAll(changedAttributes(bo, ao).stream().map(sub -> name + ":" + sub).toList());
            } else {
                changed.add(name);
            }
        }
        return changed;
    }

    /** Entering an EJB call: the transaction's pending events, one level deeper (null outside a transaction). */
    Pending enter() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        Pending pending = (Pending) transactions.getResource(KEY);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(KEY, pending);
        }
        pending.depth++;
        return pending;
    }

    /**
     * Leaving an EJB call; the outermost one of the transaction writes the collected events when it returned normally
     * and the transaction is to commit.
     */
    void leave(Pending pending, boolean returned) {
        pending.depth--;
        if (pending.depth > 0 || pending.events.isEmpty()) {
            return;
        }
        List<PendingEvent> collected = List.copyOf(pending.events);
        pending.events.clear();
        if (returned && transactions.getTransactionStatus() == Status.STATUS_ACTIVE && !transactions.getRollbackOnly()) {
            events.append(collected);
        }
    }
}
