package com.rollcall.platform.health;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A graceful stop on SIGTERM. Payara Micro stops on the JVM's shutdown hook, which closes the HTTP listener at once:
 * a request arriving then got Payara's HTML 503 or an empty 500. A shutdown hook of our own would run beside
 * Payara's, in no defined order, so this takes the signal itself, before any hook runs:
 * <ol>
 *   <li>readiness reports down and every new request gets 503 + Retry-After with its API's error body
 *       ({@link ServiceState#beginDrain}); background jobs stop at their next batch boundary;</li>
 *   <li>for the drain ({@code rollcall.drain.seconds}, environment {@code ROLLCALL_DRAIN_SECONDS}, default 10) the
 *       instance keeps running: requests in flight finish, and a balancer that polls {@code /health/ready} takes the
 *       instance out;</li>
 *   <li>then, once no request has arrived for a moment ({@value #QUIET_MILLIS} ms, waited for at most
 *       {@value #QUIET_WAIT_MILLIS} ms more) and none is in flight, the HTTP listener is closed
 *       ({@link ListenerSwitch}: the port unbound first, the connections already accepted answered, the listener
 *       disabled a moment later), so that nothing but a refused connection meets a client from here on, and the JVM
 *       exits as the signal would have made it (status 143), running Payara's own hook, which undeploys and stops.
 *       Every answer given during the drain closed its connection (platform.rest.ServiceGate), so a balancer holds
 *       no idle connection to this instance when the listener closes, unless it kept one unused for the whole drain
 *       (server-config/nginx-rollcall.conf closes idle connections itself well before: keepalive_timeout).</li>
 * </ol>
 * A second SIGTERM during the drain exits at once. SIGINT (Ctrl-C) keeps the JVM's immediate stop. Undeploying (on
 * Payara Server) puts the handler that was there before back.
 */
@WebListener
public class GracefulStop implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());
    private static final int DEFAULT_DRAIN_SECONDS = 10;
    /** The listener closes only after this long without a request arriving (a balancer has stopped sending). */
    static final long QUIET_MILLIS = 1000;
    /** At most this long past the drain waiting for that quiet (a balancer that never stops probing). */
    static final long QUIET_WAIT_MILLIS = 3000;

    @Inject
    private ServiceState state;

    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile SignalHandler previous;
    private Signal term;
    private int drainSeconds = DEFAULT_DRAIN_SECONDS;
    private volatile ListenerSwitch listener;
    /** The application's class loader: the signal's thread has none, and CDI and MicroProfile need it. */
    private volatile ClassLoader application;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        application = Thread.currentThread().getContextClassLoader();
        drainSeconds = drainSeconds();
        listener = ListenerSwitch.find();
        try {
            term = new Signal("TERM");
            previous = Signal.handle(term, this::onTerm);
            LOG.info(() -> "On SIGTERM, Rollcall drains for " + drainSeconds + " s before it stops "
                    + "(rollcall.drain.seconds)");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Could not take SIGTERM ({0}); a stop will not drain", e.toString());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (term != null && previous != null && !stopping.get()) {
            try {
                Signal.handle(term, previous);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not restore the SIGTERM handler", e);
            }
        }
    }

    private void onTerm(Signal signal) {
        if (!stopping.compareAndSet(false, true)) {
            LOG.warning("Second SIGTERM: stopping now, without waiting for the drain to end");
            exit();
            return;
        }
        Thread.currentThread().setContextClassLoader(application);
        try {
            drain();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "The drain failed; stopping now", e);
        }
        exit();
    }

    private void drain() {
        state.beginDrain();
        int seconds = drainSeconds;
        long start = System.nanoTime();
        LOG.info(() -> "SIGTERM: readiness is down and new requests get 503; draining for " + seconds + " s ("
                + state.inFlight() + " requests in flight)");
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // a request arriving just as the port closes may be cut off after it was sent (a balancer cannot tell whether
        // a POST was applied, so it answers 502): close it only after a moment in which none arrived
        long quietEnd = System.nanoTime() + QUIET_WAIT_MILLIS * 1_000_000L;
        while ((state.quietMillis() < QUIET_MILLIS || state.inFlight() > 0) && System.nanoTime() < quietEnd) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = state.inFlight();
        long quiet = state.quietMillis();
        long took = (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
            LOG.warning(() -> "Drain over after " + took + " ms with " + left + " requests still in flight; stopping");
        } else {
            LOG.info(() -> "Drain over after " + took + " ms (the last request " + quiet + " ms ago); stopping");
        }
        // Payara's own stop undeploys before it closes the port, and answered with its HTML 503 and empty 500s in
        // between: close the port first, so that from now on a client's connection is refused (and retried elsewhere)
        if (listener != null) {
            listener.close();
        }
    }

    private static void exit() {
        Runtime.getRuntime().exit(128 + 15);
    }

    static int drainSeconds() {
        try {
            int seconds = ConfigProvider.getConfig().getOptionalValue("rollcall.drain.seconds", Integer.class)
                    .orElse(DEFAULT_DRAIN_SECONDS);
            return Math.max(0, Math.min(seconds, 3600));
        } catch (IllegalArgumentException | java.util.NoSuchElementException notANumber) {
            return DEFAULT_DRAIN_SECONDS;
        }
    }
}
