package com.rollcall.platform.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
 *   <li>{@code rollcall.budget.login.perMinute} (default 20) and {@code rollcall.budget.login.burst} (default 10): per
 *       client address, for console sign-in attempts (right or wrong) and invitation acceptances.</li>
 * </ul>
 * Per instance (see {@link RequestBudget}); memory bounded whatever the number of tenants or addresses.
 */
@ApplicationScoped
public class RequestBudgets {
    /** {@code rollcall_budget_rejections_total{budget="api",enterprise}} and {@code {budget="login"}}: requests refused. */
    static final String REJECTIONS = "rollcall.budget.rejections";

    @Inject
    private MetricRegistry registry;

    private RequestBudget api;
    private RequestBudget login;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        api = new RequestBudget(number(config, "rollcall.budget.api.perSecond", 300),
                number(config, "rollcall.budget.api.burst", 600));
        login = new RequestBudget(number(config, "rollcall.budget.login.perMinute", 20) / 60.0,
                number(config, "rollcall.budget.login.burst", 10));
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
