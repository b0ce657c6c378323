package com.rollcall.console;

import java.io.Serializable;

/**
 * Paging state of a console list (used by the {@code rc:pager} tag): a 1-based start, a page size and the
 * total the service counted in the database. Moving calls back the page's bean to reload.
 */
public class Pager implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reloads the page's rows for the pager's current start. */
    @FunctionalInterface
    public interface Reload extends Serializable {
        void reload();
    }

    private final int size;
    private final Reload reload;
    private int start = 1;
    private long total;
    private boolean more;

    public Pager(int size, Reload reload) {
        this.size = size;
        this.reload = reload;
    }

    public int start() { return start; }
    public int size() { return size; }
    public long total() { return total; }

    /** Called by the bean after it loaded a page. */
    public void total(long total) {
        total(total, false);
    }

    /** Called by the bean after it loaded a page whose count stopped at a bound: {@code more} than total exist. */
    public void total(long total, boolean more) {
        this.total = total;
        this.more = more;
    }

    /** Whether the count stopped at its bound (more than {@link #total()} exist). */
    public boolean more() { return more; }

    /** Back to the first page without reloading (before a new search). */
    public void reset() {
        start = 1;
    }

    public void first() {
        start = 1;
        reload.reload();
    }

    public void previous() {
        start = Math.max(1, start - size);
        reload.reload();
    }

    public void next() {
        if (hasNext()) {
            start += size;
        }
        reload.reload();
    }

    public boolean hasPrevious() {
        return start > 1;
    }

    public boolean hasNext() {
        return start + size <= total || more;
    }

    /** "x–y of n", "x–y of more than n" (a bounded count), or "0 of 0". */
    public String getRange() {
        if (total == 0) {
            return "0 of 0";
        }
        long to = Math.min(total, (long) start + size - 1);
        return String.format(more ? "%,d–%,d of more than %,d" : "%,d–%,d of %,d", start, to, total);
    }
}
