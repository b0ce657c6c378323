package com.rollcall.testing.fuzz;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Seeded, bounded property checks with plain {@link Random}: a property generates {@code tries} inputs, each
 * from its own {@code Random} (derived from the run's seed, the property's name and the case number), and checks
 * each. On the first failure it shrinks the input (greedily, through the property's own smaller candidates, while
 * the failure stays the same kind) and fails with the seed, the case, the input and the shrunk input.
 *
 * <ul>
 * <li>{@code -Dfuzz.seed=N} runs every property with seed {@code N} instead of {@link #DEFAULT_SEED}: a failure
 *     message names the seed to reproduce it with;</li>
 * <li>{@code -Dfuzz.tries=N} runs {@code N} cases per property instead of each property's own number (longer
 *     runs find more; the default keeps each property to a second or two).</li>
 * </ul>
 * A property whose cases together take longer than {@link #HANG} (far beyond their normal second) fails naming the
 * input it was working on: that is a hang, not a slow machine. Inputs a property cannot use (e.g. text that is not
 * JSON where the kernel expects JSON) are {@linkplain #discard discarded} and counted.
 */
public final class Fuzz {
    /** The seed of every property unless {@code -Dfuzz.seed} says otherwise. */
    public static final long DEFAULT_SEED = 20_260_515L;
    /** How long one property may run in all before it counts as hung. */
    public static final Duration HANG = Duration.ofSeconds(60);

    private static final int SHRINK_STEPS = 3_000;
    private static final long SHRINK_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Exception class names, Java packages or stack frames: never in a detail a client reads. */
    private static final Pattern LEAK = Pattern.compile(
            "[A-Za-z]+(Exception|Error)\\b|\\b(java|javax|jakarta|sun|org|com)\\.[a-z0-9_]+\\.[A-Za-z]|\\.java:\\d+\\)|\\tat ");

    private Fuzz() {
    }

    /** The run's seed: {@code -Dfuzz.seed}, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        String value = System.getProperty("fuzz.seed");
        return value == null || value.isBlank() ? DEFAULT_SEED : Long.parseLong(value.trim());
    }

    /** {@code -Dfuzz.tries} when given, else the property's own number of cases. */
    public static int tries(int byDefault) {
        return Integer.getInteger("fuzz.tries", byDefault);
    }

    /** The random source of case {@code n} of the named stream under {@code seed}: independent of every other case. */
    public static Random random(long seed, String stream, long n) {
        long mixed = seed * 0x9E3779B97F4A7C15L + stream.hashCode() * 0xC2B2AE3D27D4EB4FL + n * 0x165667B19E3779F9L;
        mixed ^= mixed >>> 33;
        mixed *= 0xFF51AFD7ED558CCDL;
        mixed ^= mixed >>> 33;
        return new Random(mixed);
    }

    /** A property with the given name (it appears in every failure message). */
    public static <T> Property<T> property(String name, Function<Random, T> generator) {
        return new Property<>(name, generator);
    }

    /** Thrown by a property for an input it cannot use: not a failure, counted as discarded. */
    public static RuntimeException discard() {
        return Discarded.INSTANCE;
    }

    /**
     * Checks that {@code e} is one of the project's refusals a client may get for bad input: a 4xx status (400 for
     * the scimTypes of RFC 7644 Table 9), a scimType among {@code allowed}, and a human detail without exception
     * text.
     */
    public static void assertRefusal(ScimException e, ScimErrorType... allowed) {
        Set<ScimErrorType> types = allowed.length == 0 ? EnumSet.noneOf(ScimErrorType.class) : EnumSet.copyOf(Arrays.asList(allowed));
        if (e.status() < 400 || e.status() > 499) {
            throw new Violation("refusal status", "a refusal with status " + e.status() + ": " + e.detail());
        }
        if (!types.contains(e.type())) {
            throw new Violation("refusal type", "scimType " + e.type() + " where only " + types + " fit: " + e.detail());
        }
        if (e.type() != ScimErrorType.NONE && e.status() != 400) {
            throw new Violation("refusal status", "scimType " + e.type() + " with status " + e.status());
        }
        if (e.detail() == null || e.detail().isBlank() || LEAK.matcher(e.detail()).find()) {
            throw new Violation("refusal detail", "a detail a client should not read: " + e.detail());
        }
    }

    /** A broken property, with a short name for its kind: shrinking keeps only candidates that break it the same way. */
    public static final class Violation extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final String kind;

        public Violation(String kind, String message) {
            super(kind + ": " + message);
            this.kind = kind;
        }

        String kind() {
            return kind;
        }
    }

    private static final class Discarded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Discarded INSTANCE = new Discarded();

        private Discarded() {
            super("discarded", null, false, false);
        }
    }

    /** One property: how to generate, shrink and show its inputs, and how many cases to run. */
    public static final class Property<T> {
        private final String name;
        private final Function<Random, T> generator;
        private int tries = 1_000;
        private Function<T, Stream<T>> shrinker = input -> Stream.empty();
        private Function<T, String> show = Fuzz::show;

        private Property(String name, Function<Random, T> generator) {
            this.name = name;
            this.generator = generator;
        }

        /** Cases to run by default ({@code -Dfuzz.tries} overrides). */
        public Property<T> tries(int count) {
            this.tries = count;
            return this;
        }

        /** Smaller inputs to try when one fails, most promising first. */
        public Property<T> shrink(Function<T, Stream<T>> candidates) {
            this.shrinker = candidates;
            return this;
        }

        public Property<T> show(Function<T, String> how) {
            this.show = how;
            return this;
        }

        /** Runs the cases; fails with the seed, the case and the (shrunk) input on the first broken one. */
        public void check(Consumer<T> test) {
            long seed = seed();
            int count = Fuzz.tries(tries);
            Progress<T> progress = new Progress<>();
            ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "fuzz-" + name);
                thread.setDaemon(true);
                return thread;
            });
            long start = System.nanoTime();
            try {
                Future<?> run = runner.submit(() -> run(seed, count, test, progress));
                run.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException hung) {
                throw new AssertionError("Property '" + name + "' hung (over " + HANG.toSeconds() + " s) on case #"
                        + progress.index + " of seed " + seed + reproduce(seed) + "\n  input: " + show.apply(progress.input));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AssertionError failure) {
                    throw failure;
                }
                throw new AssertionError(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                runner.shutdownNow();
            }
            System.out.printf("fuzz: %-70s seed %d: %d cases (%d discarded) in %d ms%n", name, seed, count,
                    progress.discarded, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }

        private void run(long seed, int count, Consumer<T> test, Progress<T> progress) {
            for (int i = 0; i < count; i++) {
                T input = generator.apply(random(seed, name, i));
                progress.index = i;
                progress.input = input;
                Throwable failure = outcome(test, input);
                if (failure instanceof Discarded) {
                    progress.discarded++;
                } else if (failure != null) {
                    fail(seed, i, input, failure, test);
                }
            }
        }

        private void fail(long seed, int index, T input, Throwable failure, Consumer<T> test) {
            String kind = kind(failure);
            T smallest = input;
            Throwable smallestFailure = failure;
            int steps = 0;
            long deadline = System.nanoTime() + SHRINK_NANOS;
            boolean shrunk = true;
            while (shrunk && steps < SHRINK_STEPS && System.nanoTime() < deadline) {
                shrunk = false;
                for (T candidate : (Iterable<T>) shrinker.apply(smallest)::iterator) {
                    if (++steps >= SHRINK_STEPS || System.nanoTime() >= deadline) {
                        break;
                    }
                    Throwable again = outcome(test, candidate);
                    if (again != null && !(again instanceof Discarded) && kind(again).equals(kind)) {
                        smallest = candidate;
                        smallestFailure = again;
                        shrunk = true;
                        break;
                    }
                }
            }
            AssertionError error = new AssertionError("Property '" + name + "' failed on case #" + index + " of seed "
                    + seed + reproduce(seed) + "\n  input:  " + show.apply(input) + "\n  shrunk: " + show.apply(smallest)
                    + "\n  failure: " + smallestFailure, smallestFailure);
            throw error;
        }

        private static <T> Throwable outcome(Consumer<T> test, T input) {
            try {
                test.accept(input);
                return null;
            } catch (Throwable t) {
                return t;
            }
        }

        private static String reproduce(long seed) {
            return " (reproduce with -Dfuzz.seed=" + seed + ")";
        }
    }

    /** The kind of a failure, to keep shrinking on the same bug: a violated property, or where an exception came from. */
    private static String kind(Throwable failure) {
        if (failure instanceof Violation violation) {
            return violation.kind();
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return failure.getClass().getName() + (stack.length == 0 ? "" : " at " + stack[0].getClassName() + "." + stack[0].getMethodName());
    }

    private static final class Progress<T> {
        volatile int index;
        volatile T input;
        volatile int discarded;
    }

    /** Text shown with its invisible characters escaped, at most 2,000 characters. */
    public static String show(Object input) {
        String text = String.valueOf(input);
        StringBuilder shown = new StringBuilder(Math.min(text.length(), 2_000) + 2).append('«');
        for (int i = 0; i < text.length() && i < 2_000; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        if (text.length() > 2_000) {
            shown.append("… (").append(text.length()).append(" characters)");
        }
        return shown.append('»').toString();
    }

    /** Smaller texts: chunks removed, halves first, down to single characters. */
    public static Stream<String> shorter(String text) {
        List<Integer> sizes = Stream.iterate(Math.max(1, text.length() / 2), size -> size >= 1, size -> size / 2).toList();
        return sizes.stream().flatMap(size -> Stream.iterate(0, from -> from < text.length(), from -> from + size)
                .map(from -> text.substring(0, from) + text.substring(Math.min(text.length(), from + size))));
    }
}
