package com.rollcall.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Rollcall server: the built WAR on Payara Micro, started exactly as scripts/run.sh starts it
 * (through scripts/serve.sh), on loopback, with its output in a log file under target/. Ready when
 * {@code /health/ready} says so.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server with these extra environment variables and waits until it is ready. */
    public static ServerProcess start(String name, Map<String, String> environment) {
        return start(name, environment, freePort());
    }

    /** Starts a server on this port and waits until it is ready. */
    public static ServerProcess start(String name, Map<String, String> environment, int port) {
        ServerProcess server = launch(name, environment, port);
        server.awaitReady();
        return server;
    }

    /** Starts a server on this port and returns at once, without waiting for it to be ready. */
    public static ServerProcess launch(String name, Map<String, String> environment, int port) {
        Path home = Path.of(System.getProperty("user.dir"));
        Path target = home.resolve("target");
        Path log = target.resolve("it-logs").resolve(name + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("scripts/serve.sh").toString())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("ROLLCALL_") && !key.startsWith("ROLLCALL_TEST_"));
            env.put("ROLLCALL_PORT", Integer.toString(port));
            env.put("ROLLCALL_JAVA_OPTS", "-Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
            // a test server stops after a 1 s drain instead of 10 (GracefulStopIT sets its own)
            env.put("ROLLCALL_DRAIN_SECONDS", "1");
            env.putAll(new HashMap<>(environment));
            return new ServerProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start Payara Micro; see " + log, e);
        }
    }

    /** Waits until {@code /health/ready} answers 200. */
    public void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            if (deploymentFailed()) {
                close();
                throw new IllegalStateException("Rollcall failed to deploy; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Rollcall was not ready within " + BOOT_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private boolean deploymentFailed() {
        try {
            String text = Files.readString(log);
            return text.contains("Exception during lifecycle processing") || text.contains("Deployment failed");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** http://127.0.0.1:PORT/ */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public String scimUrl() {
        return baseUrl() + "scim/v2/";
    }

    public Path log() {
        return log;
    }

    /** Stops the server the way Ctrl-C does (SIGTERM) and waits for it to exit. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Sends SIGTERM (what a service manager or an orchestrator sends) and returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit status, or -1 if it still runs after the timeout. */
    public int awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
