package com.rollcall.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Rollcall server all integration and browser tests of a run share: booted once per test JVM,
 * on the run's database ({@link TestDatabase}: MariaDB, or the embedded H2), stopped when the run ends. Use it with {@code @ExtendWith(RollcallServer.class)}
 * and {@link #get()}.
 */
public final class RollcallServer implements BeforeAllCallback {
    private static ServerProcess shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        root.getOrComputeIfAbsent(RollcallServer.class, key -> new Stopper(), Stopper.class);
        get();
    }

    /**
     * Webhook and feed settings that make their tests fast: the test receivers listen on 127.0.0.1 (allowed for
     * tests only), retries start after 200 ms and wait at most 1 s, an endpoint answers within 1.5 s, an endpoint
     * failing for 20 s is disabled, deliveries are looked for every 200 ms and retention runs every 3 s.
     */
    public static final java.util.Map<String, String> WEBHOOKS_FOR_TESTS = java.util.Map.of(
            "ROLLCALL_WEBHOOKS_ALLOWEDPRIVATEHOSTS", "127.0.0.1",
            "ROLLCALL_WEBHOOKS_RETRY_BASEMILLIS", "200",
            "ROLLCALL_WEBHOOKS_RETRY_MAXMILLIS", "1000",
            "ROLLCALL_WEBHOOKS_TIMEOUTMILLIS", "1500",
            "ROLLCALL_WEBHOOKS_DISABLEAFTERSECONDS", "20",
            "ROLLCALL_WEBHOOKS_POLLMILLIS", "200",
            "ROLLCALL_EVENTS_PRUNESECONDS", "3");

    /** The shared server, started on first use. */
    public static synchronized ServerProcess get() {
        if (shared == null || !shared.isAlive()) {
            java.util.Map<String, String> env = new java.util.HashMap<>(TestDatabase.serverEnvironment("shared"));
            // every browser test signs in from 127.0.0.1: the per-address sign-in budget (20 a minute) would throttle
            // the suite itself. LoginStormIT checks the default budget on a server of its own.
            env.put("ROLLCALL_BUDGET_LOGIN_PERMINUTE", "100000");
            env.put("ROLLCALL_BUDGET_LOGIN_BURST", "100000");
            env.putAll(WEBHOOKS_FOR_TESTS);
            shared = ServerProcess.start("shared-server-" + TestDatabase.kind().name().toLowerCase(java.util.Locale.ROOT),
                    env);
        }
        return shared;
    }

    /** Closed by JUnit when the whole run ends. */
    private static final class Stopper implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            synchronized (RollcallServer.class) {
                if (shared != null) {
                    shared.close();
                    shared = null;
                }
            }
        }
    }
}
