package com.rollcall.platform.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The request budgets of this instance, in one place (MicroProfile Config, so environment variables and system
 * properties work):
 * <ul>
 *   <li>{@code rollcall.budget.api.perSecond} (default 300) and {@code rollcall.budget.api.burst} (default 600): per
 *       enterprise, for its SCIM and admin API calls together; over it, 429 with {@code Retry-After}. Far above what
 *       one IdP job sends (Entra needs about 25 a second): it stops a runaway client, never a normal sync. 0 turns it
 *       off.</li>
 *   <li>{@code rollcall.budget.api.concurrent} (default 24): per enterprise, its SCIM and admin API calls in progress at
 *       once on this instance; one more gets 429 with {@code Retry-After: 1} at once. A rate alone does not protect the
 *       other tenants when an instance serves fewer requests a second than the rate allows (a 2-core instance serves
 *       about 200 to 300): a runaway client with 200 connections would hold every request thread. An IdP job sends its
 *       requests a few at a time (Entra's 25 a second at 300 ms each is 8 in progress; the benchmark's IdP sends 16 at
 *       once). 0 turns it off.</li>
 *   <li>{@code rollcall.budget.login.perMinute} (default 20) and {@code rollcall.budget.login.burst} (default 10): per
 *       client address, for console sign-in attempts (right or wrong) and invitation acceptances.</li>
 * </ul>
 * Per instance (see {@link RequestBudget}); memory bounded whatever the number of tenants or addresses.
 */
@ApplicationScoped
public class RequestBudgets {
    /**
     * The request attribute (Jersey's request properties are the servlet request's attributes) naming the enterprise
     * whose in-progress count a request holds; {@link InFlightRelease} gives it back when the whole answer is written.
     */
    public static final String IN_FLIGHT = "com.rollcall.budget.inFlightEnterprise";

    /** {@code rollcall_budget_rejections_total{budget="api",enterprise}} and {@code {budget="login"}}: requests refused. */
    static final String REJECTIONS = "rollcall.budget.rejections";

    @Inject
    private MetricRegistry registry;

    private RequestBudget api;
    private RequestBudget login;
    private int concurrent;
    /** Enterprises with calls in progress on this instance, and how many: an entry leaves at zero (bounded memory). */
    private final ConcurrentHashMap<Long, Integer> inFlight = new ConcurrentHashMap<>();

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        api = new RequestBudget(number(config, "rollcall.budget.api.perSecond", 300),
                number(config, "rollcall.budget.api.burst", 600));
        login = new RequestBudget(number(config, "rollcall.budget.login.perMinute", 20) / 60.0,
                number(config, "rollcall.budget.login.burst", 10));
        concurrent = (int) number(config, "rollcall.budget.api.concurrent", 24);
    }

    /**
     * Counts one more call in progress for the enterprise, or answers false (nothing counted) when it has as many as
     * allowed already; a true answer must be followed by {@link #leave(long)}.
     */
    public boolean enter(long enterpriseId) {
        if (concurrent <= 0) {
            return true;
        }
        boolean[] admitted = {false};
        inFlight.compute(enterpriseId, (id, running) -> {
            int now = running == null ? 0 : running;
            if (now >= concurrent) {
                return running; // refused below: counted with the rate's refusals (budget="api")
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0] && registry != null) { // no registry only in unit tests, which build this class by hand
            registry.counter(REJECTIONS, new Tag("budget", "api"), new Tag("enterprise", Long.toString(enterpriseId))).inc();
        }
        return admitted[0];
    }

    /** One call of the enterprise is over (a no-op when nothing was counted). */
    public void leave(long enterpriseId) {
        inFlight.computeIfPresent(enterpriseId, (id, running) -> running <= 1 ? null : running - 1);
    }

    /** The calls in progress per enterprise with any, on this instance. */
    public int inFlight(long enterpriseId) {
        return inFlight.getOrDefault(enterpriseId, 0);
    }

    /** For unit tests: the in-progress bound without MicroProfile Config. */
    void concurrentForTest(int bound) {
        concurrent = bound;
    }

    /** How many calls of one enterprise may be in progress at once on this instance (0: no bound). */
    public int concurrent() {
        return concurrent;
    }

    /** 0 when the enterprise's API call may go ahead, else the seconds to wait. */
    public long api(long enterpriseId) {
        long wait = api.take("e" + enterpriseId);
        if (wait > 0) {
            registry.counter(REJECTIONS, new Tag("budget", "api"), new Tag("enterprise", Long.toString(enterpriseId))).inc();
        }
        return wait;
    }

    /** 0 when a sign-in attempt from this address may go ahead, else the seconds to wait. */
    public long login(String address) {
        long wait = login.take(address == null ? "?" : address);
        if (wait > 0) {
            // not by address: that label would grow without bound
            registry.counter(REJECTIONS, new Tag("budget", "login"), new Tag("enterprise", "none")).inc();
        }
        return wait;
    }

    private static double number(Config config, String name, double fallback) {
        try {
            return config.getOptionalValue(name, Double.class).orElse(fallback);
        } catch (IllegalArgumentException notANumber) {
            return fallback;
        }
    }
}
