package com.rollcall.platform.health;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes Payara Micro's HTTP listener ({@code http-listener}) from inside the application, with the same asadmin
 * {@code set} that server-config/micro-ready.asadmin uses to open it: through GlassFish's embeddable
 * {@code CommandRunner}, looked up reflectively (Payara's classes are not on Rollcall's compile path). Found only
 * where it exists: elsewhere {@link #find} answers null and a stop simply skips this step.
 * <p>
 * Disabling the listener stops its Grizzly transport at once ({@code shutdownNow}), which also cuts connections
 * whose request is on its way in: a balancer that had sent a POST on one answers 502 and may not retry it. So
 * {@link #close} first only unbinds the port (Grizzly's {@code unbindAll}: new connections are refused, which every
 * balancer retries elsewhere, while the accepted ones are answered, each with 503 and {@code Connection: close}),
 * waits a moment for those answers, and only then disables the listener.
 */
final class ListenerSwitch {
    private static final Logger LOG = Logger.getLogger(ListenerSwitch.class.getName());
    static final String LISTENER_ENABLED =
            "configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled";

    static final String LISTENER = "http-listener";
    /** How long the accepted connections get to be answered between the unbinding and the listener's stop. */
    static final long UNBOUND_MILLIS = 500;

    private final Object runner;
    private final Method run;
    private final Method exitStatus;

    private ListenerSwitch(Object runner, Method run, Method exitStatus) {
        this.runner = runner;
        this.run = run;
        this.exitStatus = exitStatus;
    }

    /** The switch of this server's listener, or null where there is none to be had. */
    static ListenerSwitch find() {
        try {
            Class<?> runnerType = payaraClass("org.glassfish.embeddable.CommandRunner");
            Object runner = payaraService(runnerType);
            if (runner == null) {
                return null;
            }
            Class<?> resultType = payaraClass("org.glassfish.embeddable.CommandResult");
            return new ListenerSwitch(runner, runnerType.getMethod("run", String.class, String[].class),
                    resultType.getMethod("getExitStatus"));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "No command runner to close the HTTP listener with", e);
            return null;
        }
    }

    /** Closes the listener: connections are refused from now on. */
    void close() {
        if (unbind()) {
            try {
                Thread.sleep(UNBOUND_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Object result = run.invoke(runner, "set", new String[] {LISTENER_ENABLED + "=false"});
            Object status = result == null ? null : exitStatus.invoke(result);
            if ("SUCCESS".equals(String.valueOf(status))) {
                LOG.info("HTTP listener closed");
            } else {
                // e.g. on Payara Server, whose listeners have other names: its own stop closes them
                LOG.info(() -> "HTTP listener not closed (" + status + "); the server's stop will close it");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close the HTTP listener before stopping: {0}", e.toString());
        }
    }

    /**
     * Stops accepting connections on the listener's port but keeps the accepted ones (Payara's GrizzlyService, its
     * network proxy for {@value #LISTENER}, that proxy's transport: Payara's classes, reached reflectively). False
     * when that cannot be done here; the listener's stop then closes everything at once, as before.
     */
    private static boolean unbind() {
        try {
            // GrizzlyService is the server's one RequestDispatcher
            Object grizzly = payaraService(payaraClass("org.glassfish.api.container.RequestDispatcher"));
            if (grizzly == null) {
                return false;
            }
            Method proxyOf = grizzly.getClass().getDeclaredMethod("getNetworkProxy", String.class);
            proxyOf.setAccessible(true);
            Object proxy = proxyOf.invoke(grizzly, LISTENER);
            if (proxy == null) {
                return false;
            }
            Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            Object transport = listener.getClass().getMethod("getTransport").invoke(listener);
            transport.getClass().getMethod("unbindAll").invoke(transport);
            LOG.info("HTTP port unbound: new connections are refused, accepted ones are answered");
            return true;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.INFO, "Could not unbind the HTTP port before closing the listener: {0}", e.toString());
            return false;
        }
    }

    /** A class of Payara's, through the application's class loader (they are not on Rollcall's compile path). */
    private static Class<?> payaraClass(String name) throws ClassNotFoundException {
        return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
    }

    /** The server's service of this type from its HK2 service locator, or null. */
    private static Object payaraService(Class<?> type) throws ReflectiveOperationException {
        Object locator = payaraClass("org.glassfish.internal.api.Globals").getMethod("getDefaultBaseServiceLocator")
                .invoke(null);
        return payaraClass("org.glassfish.hk2.api.ServiceLocator").getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, type, new Annotation[0]);
    }
}
