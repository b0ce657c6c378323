package com.rollcall.events;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * A default interceptor of every EJB (WEB-INF/ejb-jar.xml): when the outermost EJB call of a transaction returns,
 * the change events it recorded are written ({@link ChangeFeed}), still inside that transaction.
 */
public class OutboxFlush {
    @Inject
    private ChangeFeed feed;

    @AroundInvoke
    public Object flushAfter(InvocationContext invocation) throws Exception {
        ChangeFeed.Pending pending = feed.enter();
        if (pending == null) {
            return invocation.proceed();
        }
        boolean returned = false;
        try {
            Object result = invocation.proceed();
            returned = true;
            return result;
        } finally {
            feed.leave(pending, returned);
        }
    }
}
