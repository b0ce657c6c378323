package com.rollcall.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The H2 that scripts/run.sh's server really runs: the one inside target/runtime/payara-micro.jar. Payara
 * Micro 6.2025.10 ships H2 2.2.224, whose concurrent inserts into identity tables are refused as duplicate
 * primary keys (measured: in more than half of the rounds of {@link IdentityRace}; through the server, 409s on
 * parallel SCIM creates); the build replaces it. This test runs rounds of {@link IdentityRace} against the
 * packaged H2, each in a fresh JVM on a fresh database (a warmed-up JVM and grown tables hide the race), and
 * fails on the first refused insert. Against 2.2.224 it failed within two rounds in every run tried; the later H2
 * has passed every round.
 */
class EmbeddedDatabaseRuntimeIT {
    private static final int ROUNDS = 8;

    @Test
    void theRuntimesH2IsTheBuildsVersion() throws Exception {
        try (JarFile jar = new JarFile(extractRuntimeH2().toFile())) {
            assertEquals(System.getProperty("rollcall.h2.version"),
                    jar.getManifest().getMainAttributes().getValue("Implementation-Version"),
                    "Payara Micro's MICRO-INF/runtime/h2.jar is the H2 of the pom");
        }
    }

    @Test
    void theRuntimesH2NeverRefusesConcurrentInsertsAsDuplicateKeys() throws Exception {
        Path h2 = extractRuntimeH2();
        Path data = Path.of(System.getProperty("user.dir"), "target", "it-data", "h2-identity-race-" + System.nanoTime());
        String classPath = Path.of(IdentityRace.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator + h2;
        for (int round = 0; round < ROUNDS; round++) {
            Path log = data.resolve("round-" + round + ".log");
            Files.createDirectories(data);
            Process race = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath, IdentityRace.class.getName(), data.resolve("db-" + round).toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!race.waitFor(5, TimeUnit.MINUTES)) {
                race.destroyForcibly();
            }
            assertEquals(0, race.exitValue(), "round " + round + ": " + Files.readString(log).strip());
        }
    }

    /** MICRO-INF/runtime/h2.jar of the packaged Payara Micro, copied out to target/. */
    private static Path extractRuntimeH2() throws IOException {
        Path micro = Path.of(System.getProperty("rollcall.runtime.dir"), "payara-micro.jar");
        Path h2 = Path.of(System.getProperty("user.dir"), "target", "it-data", "payara-runtime-h2.jar");
        Files.createDirectories(h2.getParent());
        try (JarFile jar = new JarFile(micro.toFile())) {
            ZipEntry entry = jar.getEntry("MICRO-INF/runtime/h2.jar");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, h2, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return h2;
    }
}
