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
 */
final class ListenerSwitch {
    private static final Logger LOG = Logger.getLogger(ListenerSwitch.class.getName());
    static final String LISTENER_ENABLED =
            "configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled";

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
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", true, loader);
            Object locator = globals.getMethod("getDefaultBaseServiceLocator").invoke(null);
            Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader);
            Class<?> runnerType = Class.forName("org.glassfish.embeddable.CommandRunner", true, loader);
            Object runner = locatorType.getMethod("getService", Class.class, Annotation[].class)
                    .invoke(locator, runnerType, new Annotation[0]);
            if (runner == null) {
                return null;
            }
            Class<?> resultType = Class.forName("org.glassfish.embeddable.CommandResult", true, loader);
            return new ListenerSwitch(runner, runnerType.getMethod("run", String.class, String[].class),
                    resultType.getMethod("getExitStatus"));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "No command runner to close the HTTP listener with", e);
            return null;
        }
    }

    /** Closes the listener: connections are refused from now on. */
    void close() {
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
}
