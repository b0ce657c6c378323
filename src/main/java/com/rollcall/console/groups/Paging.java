package com.rollcall.console.groups;

import com.rollcall.groups.GroupDirectoryService.Page;

/** "21–40 of 1,200" for a page. */
public final class Paging {
    private Paging() {
    }

    public static String range(Page<?> page) {
        if (page == null || page.total() == 0) {
            return "0 of 0";
        }
        return String.format(java.util.Locale.ROOT, "%,d–%,d of %,d", page.offset() + 1,
                page.offset() + page.rows().size(), page.total());
    }
}
