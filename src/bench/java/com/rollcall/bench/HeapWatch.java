package com.rollcall.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The server's used heap over the whole run: {@code jstat -gc <pid> 1000} reads the JVM's perf-data
 * file (no attach, no safepoint), so sampling every second costs the server nothing.
 */
final class HeapWatch {
    private final Process process;
    private final Thread reader;
    private volatile double peakKiB;
    private volatile double windowPeakKiB;

    private HeapWatch(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "jstat-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static HeapWatch start(long pid) throws IOException {
        return new HeapWatch(new ProcessBuilder("jstat", "-gc", Long.toString(pid), "1000").redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length > 0 && cells[0].equals("S0C")) {
                    header = cells;
                    continue;
                }
                if (header == null || cells.length != header.length) {
                    continue;
                }
                double used = 0;
                for (int i = 0; i < header.length; i++) {
                    if (header[i].equals("S0U") || header[i].equals("S1U") || header[i].equals("EU") || header[i].equals("OU")) {
                        used += Double.parseDouble(cells[i]);
                    }
                }
                peakKiB = Math.max(peakKiB, used);
                windowPeakKiB = Math.max(windowPeakKiB, used);
            }
        } catch (IOException | NumberFormatException e) {
            // the server went away: what was read stands
        }
    }

    void stop() throws InterruptedException {
        process.destroy();
        reader.join(2000);
    }

    double peakMiB() {
        return peakKiB / 1024.0;
    }

    /** Starts a window: {@link #windowPeakMiB} is the peak used heap from now on. */
    void startWindow() {
        windowPeakKiB = 0;
    }

    /** The peak used heap (garbage included) since {@link #startWindow}, from the 1 s samples. */
    double windowPeakMiB() {
        return windowPeakKiB / 1024.0;
    }

    private static final java.util.regex.Pattern HEAP_INFO = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K");

    /**
     * The server's live heap: a full GC ({@code jcmd GC.run}), then the used heap ({@code jcmd GC.heap_info}), in
     * MiB; -1 when it cannot be read.
     */
    static double liveMiB(long pid) {
        try {
            Bench.command("jcmd", Long.toString(pid), "GC.run");
            java.util.regex.Matcher m = HEAP_INFO.matcher(Bench.command("jcmd", Long.toString(pid), "GC.heap_info"));
            return m.find() ? Long.parseLong(m.group(2)) / 1024.0 : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
