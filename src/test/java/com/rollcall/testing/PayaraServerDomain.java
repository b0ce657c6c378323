package com.rollcall.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A throwaway domain of a real Payara Server (the distribution the build copied to target/payara-server, unzipped
 * once beside it), with an admin password, on ports of its own, started and stopped with asadmin as an operator
 * does. Everything it runs logs under target/it-logs/payara-server/.
 */
public final class PayaraServerDomain implements AutoCloseable {
    private static final String NAME = "rollcall-it";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
    private static final int[] PORT_OFFSETS = {4, 9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private final Path install;
    private final Path domains;
    private final Path passwordFile;
    private final Path logs;
    private final int portBase;
    private int commands;

    private PayaraServerDomain(Path install, Path domains, Path passwordFile, Path logs, int portBase) {
        this.install = install;
        this.domains = domains;
        this.passwordFile = passwordFile;
        this.logs = logs;
        this.portBase = portBase;
    }

    /** The result of a command: its exit value and what it wrote. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /**
     * Creates and starts the domain (an earlier one of the same name is removed first). Ports are checked free before
     * create-domain, but another process may take one before the domain binds it: then the DAS stops at once, and the
     * domain is made again on other ports (at most three times).
     */
    public static PayaraServerDomain createAndStart() {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path zip = Path.of(System.getProperty("rollcall.payara.server.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no Payara Server distribution at " + zip + " (the build copies it there "
                    + "in pre-integration-test: run through mvn verify / scripts/test.sh)");
        }
        Path root = zip.resolveSibling(zip.getFileName().toString().replaceFirst("\\.zip$", ""));
        Path install = unzipOnce(zip, root).resolve("payara6");
        Path work = target.resolve("payara-server-it");
        Path logs = target.resolve("it-logs").resolve("payara-server");
        TestDatabase.deleteTree(logs);
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            TestDatabase.deleteTree(work);
            try {
                Files.createDirectories(work);
                Files.createDirectories(logs);
                Path passwordFile = work.resolve("admin-password");
                Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=it-admin-" + ThreadLocalRandom.current().nextLong() + "\n");
                PayaraServerDomain domain = new PayaraServerDomain(install, work.resolve("domains"), passwordFile, logs,
                        freePortBase());
                domain.require(domain.asadminLocal("--user", "admin", "--passwordfile", passwordFile.toString(),
                        "create-domain", "--domaindir", domain.domains.toString(), "--portbase",
                        Integer.toString(domain.portBase), NAME));
                Result started = domain.asadminLocal("start-domain", "--domaindir", domain.domains.toString(), NAME);
                if (started.exit() == 0 && domain.asadmin("version").exit() == 0) {
                    return domain;
                }
                failure = new IllegalStateException("the domain did not stay up (attempt " + attempt + "); see "
                        + domain.directory().resolve("logs/server.log") + "\n" + started);
                domain.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw failure;
    }

    public Path asadminPath() {
        return install.resolve("bin/asadmin");
    }

    /** What payara-server-setup.sh needs in ASADMIN_OPTS to reach this domain's DAS. */
    public String asadminOptions() {
        return "--port " + adminPort() + " --user admin --passwordfile " + passwordFile;
    }

    public int adminPort() {
        return portBase + 48;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + (portBase + 80) + "/";
    }

    public Path directory() {
        return domains.resolve(NAME);
    }

    /** A remote asadmin command against this domain's DAS. */
    public Result asadmin(String... arguments) {
        List<String> command = new ArrayList<>(List.of("--port", Integer.toString(adminPort()), "--user", "admin",
                "--passwordfile", passwordFile.toString()));
        command.addAll(List.of(arguments));
        return asadminLocal(command.toArray(String[]::new));
    }

    /** Runs a program with an environment cleaned of Rollcall's and asadmin's variables, plus these. */
    public Result run(List<String> command, Map<String, String> environment, String stdin) {
        int n = ++commands;
        Path out = logs.resolve(n + "-" + Path.of(command.get(0)).getFileName() + ".out");
        Path err = logs.resolve(n + "-" + Path.of(command.get(0)).getFileName() + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of(System.getProperty("user.dir")).toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("ROLLCALL_") || key.startsWith("AS_ADMIN_"));
        env.put("AS_JAVA", System.getProperty("java.home"));
        env.putAll(environment);
        try {
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + COMMAND_TIMEOUT + "; see " + out);
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of a GET (0 when nothing answers). */
    public int status(String path) {
        String answer = probe(path);
        return answer.chars().allMatch(Character::isDigit) ? Integer.parseInt(answer) : 0;
    }

    /**
     * Waits until /health/ready answers 200 (a deployment finishes its start-up after asadmin deploy returns). When it
     * does not, the failure says in one line what the domain looked like: the last answer (or how the request failed),
     * whether the DAS lives, the listener's state, the applications, and the last warnings of server.log; a thread dump
     * of the DAS goes beside the logs.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = probe("health/ready");
        while (!last.equals("200")) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for /health/ready of "
                        + "the Payara Server domain; last seen: " + last + "; " + diagnosis());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
            last = probe("health/ready");
        }
    }

    /** The status of a GET as text, or how it failed ("refused: ...", "no answer within 10 s"). */
    private String probe(String path) {
        try {
            return Integer.toString(HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (java.net.http.HttpTimeoutException e) {
            return "no answer within 10 s (" + e.getClass().getSimpleName() + ")";
        } catch (IOException e) {
            return "failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** What the domain looks like, in one line (for a failure message: CI shows only that line). */
    private String diagnosis() {
        StringBuilder out = new StringBuilder();
        Long pid = pid();
        boolean alive = pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        out.append("DAS pid ").append(pid).append(alive ? " alive" : " NOT alive");
        try {
            String prefix = "configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.";
            Result listener = asadmin("get", prefix + "*");
            out.append("; http-listener-1: ").append(oneLine((listener.out() + listener.err()).replace(prefix, ""), 300));
            Result apps = asadmin("list-applications", "--long");
            out.append("; applications: ").append(oneLine(apps.out() + apps.err(), 200));
        } catch (RuntimeException e) {
            out.append("; asadmin: ").append(e);
        }
        if (alive) {
            Path dump = logs.resolve("das-threads.txt");
            try {
                Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                        Long.toString(pid)).redirectErrorStream(true).redirectOutput(dump.toFile()).start();
                if (jstack.waitFor(30, TimeUnit.SECONDS)) {
                    String threads = Files.readString(dump);
                    long http = threads.lines().filter(line -> line.startsWith("\"http-thread-pool")).count();
                    out.append("; threads in ").append(dump).append(" (").append(http).append(" http-thread-pool)");
                }
            } catch (IOException e) {
                out.append("; no thread dump: ").append(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            List<String> lines = Files.readAllLines(directory().resolve("logs/server.log"));
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("[WARNING]") || line.contains("[SEVERE]")) {
                    String message = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                    String[] fields = line.split("\\] \\[");
                    String logger = fields.length > 4 ? fields[4] : "";
                    warnings.add(line.substring(1, Math.min(line.length(), 24)) + " " + logger + ": "
                            + oneLine(message, 160));
                }
            }
            out.append("; server.log (").append(lines.size()).append(" lines), last warnings: ")
                    .append(String.join(" | ", warnings.subList(Math.max(0, warnings.size() - 5), warnings.size())));
        } catch (IOException e) {
            out.append("; server.log unreadable: ").append(e);
        }
        return out.toString();
    }

    private Long pid() {
        try {
            Path pidFile = directory().resolve("config/pid");
            return Files.exists(pidFile) ? Long.valueOf(Files.readString(pidFile).strip()) : null;
        } catch (IOException | NumberFormatException unreadable) {
            return null;
        }
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }

    /**
     * HTTP/1.1, as a balancer's or an orchestrator's health check asks: the JDK client's default would upgrade to h2c
     * and keep one HTTP/2 connection for every probe, and Payara's h2c has known faults (MalformedInputIT's disabled
     * cases) in which a connection stalls: every later request on it then waits until its timeout.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Result asadminLocal(String... arguments) {
        List<String> command = new ArrayList<>(List.of(asadminPath().toString()));
        command.addAll(List.of(arguments));
        return run(command, Map.of(), null);
    }

    private static Result require(Result result) {
        if (result.exit() != 0) {
            throw new IllegalStateException("asadmin failed: " + result);
        }
        return result;
    }

    /** Stops the DAS; one that does not answer (it failed to start) is ended through its pid file. */
    @Override
    public void close() {
        Long pid = pid();
        asadminLocal("stop-domain", "--domaindir", domains.toString(), NAME);
        if (pid != null) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(das -> {
                das.destroyForcibly();
                das.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
    }

    /** The distribution unzipped beside the zip, once (a marker says it is complete); bin/ scripts made executable. */
    private static Path unzipOnce(Path zip, Path root) {
        Path marker = root.resolve(".unzipped");
        if (Files.exists(marker)) {
            return root;
        }
        TestDatabase.deleteTree(root);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : archive.stream().toList()) {
                Path to = root.resolve(entry.getName()).normalize();
                if (!to.startsWith(root)) {
                    throw new IllegalStateException("entry outside the archive's folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
                if (to.getParent().getFileName().toString().equals("bin")) {
                    to.toFile().setExecutable(true);
                }
            }
            Files.writeString(marker, zip.getFileName().toString());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unzip " + zip, e);
        }
    }

    /**
     * A port base whose ports (create-domain --portbase adds fixed offsets) are all free now; below Linux's ephemeral
     * range (32768 and up), where outgoing connections of other processes would take them.
     */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(120, 327) * 100;
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for a Payara Server domain");
    }

    private static boolean allFree(int base) {
        for (int offset : PORT_OFFSETS) {
            try (ServerSocket socket = new ServerSocket(base + offset, 1, InetAddress.getByName("0.0.0.0"))) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
