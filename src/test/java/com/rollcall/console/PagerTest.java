package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PagerTest {
    @Test
    void aBoundedCountSaysMoreThanAndKeepsTheNextPage() {
        int[] reloads = {0};
        Pager pager = new Pager(25, () -> reloads[0]++);
        pager.total(1000, true);
        assertEquals("1–25 of more than 1,000", pager.getRange());
        pager.next();
        assertEquals(26, pager.start());
        for (int i = 0; i < 40; i++) {
            pager.next();
        }
        assertEquals(1026, pager.start(), "past the bound while more exist");
        assertTrue(pager.hasNext());
        pager.total(1030, false);
        assertEquals("1,026–1,030 of 1,030", pager.getRange());
        assertFalse(pager.hasNext());
        assertEquals(41, reloads[0]);
    }
}
