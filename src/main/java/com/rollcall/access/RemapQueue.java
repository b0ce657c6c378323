package com.rollcall.access;

import com.rollcall.groups.UserGroup;
import com.rollcall.platform.security.Actor;
import java.util.Optional;

/**
 * Where a mapping or role change that touches too many users to recompute in the request goes: a background
 * remap job, run elsewhere (the remap room implements this, so access does not depend on it).
 */
public interface RemapQueue {
    /** The most users a change recomputes in the request; a larger one is queued. */
    int inlineLimit();

    /** Queues the recomputation of every member of the group; returns the job's id. */
    long enqueueGroup(Actor actor, UserGroup group, String reason);

    /** Queues the recomputation of every user holding a stored effective role; returns the job's id. */
    long enqueueHolders(Actor actor, UserGroup group, String reason);

    /** A job of this enterprise, as users see it. */
    Optional<RemapJobView> find(long enterpriseId, long jobId);
}
