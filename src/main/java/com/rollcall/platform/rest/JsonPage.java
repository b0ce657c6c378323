package com.rollcall.platform.rest;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a JSON API list: {@code {totalResults, startIndex, itemsPerPage, <items>: [...]}}, the same shape in
 * the admin and operator APIs (and SCIM's ListResponse names).
 */
public final class JsonPage {
    /** startIndex and count of a list request: 1-based start, page size capped. */
    public record Paging(int startIndex, int count) {
        /** The 0-based offset of the page's first item. */
        public int offset() {
            return startIndex - 1;
        }
    }

    private JsonPage() {
    }

    /** Reads {@code startIndex} (default 1) and {@code count} (default {@code defaultCount}, capped at {@code max}). */
    public static Paging paging(String startIndex, String count, int defaultCount, int max) {
        return new Paging(AdminInput.integer(startIndex, "startIndex", 1, 1, Integer.MAX_VALUE),
                Math.min(AdminInput.integer(count, "count", defaultCount, 0, Integer.MAX_VALUE), max));
    }

    public static <T> JsonObject of(long totalResults, int startIndex, String itemsName, List<T> items,
            Function<T, JsonObject> toJson) {
        JsonArrayBuilder array = ScimJson.array();
        items.forEach(item -> array.add(toJson.apply(item)));
        return ScimJson.object()
                .add("totalResults", totalResults)
                .add("startIndex", startIndex)
                .add("itemsPerPage", items.size())
                .add(itemsName, array)
                .build();
    }
}
