package com.rollcall.platform.query;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.FilterParser;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.ServiceProviderConfigDocument;
import java.util.Locale;

/**
 * A validated list or search request (RFC 7644 §3.4.2): filter, 1-based {@code startIndex},
 * {@code count} capped at the advertised maxResults (a larger count is served capped, as RFC 7644
 * §3.4.2.4 allows), and sorting. {@code count=0} asks only for totalResults.
 */
public record ListQuery(Filter filter, int startIndex, int count, String sortBy, boolean descending) {
    public static final int DEFAULT_COUNT = 100;

    public static ListQuery of(String filter, String startIndex, String count, String sortBy, String sortOrder) {
        Filter parsed = filter == null || filter.isBlank() ? null : FilterParser.parse(filter);
        int start = Math.max(1, integer("startIndex", startIndex, 1));
        int size = Math.min(ServiceProviderConfigDocument.MAX_RESULTS, Math.max(0, integer("count", count, DEFAULT_COUNT)));
        boolean descending = false;
        if (sortOrder != null && !sortOrder.isBlank()) {
            descending = switch (sortOrder.trim().toLowerCase(Locale.ROOT)) {
                case "ascending" -> false;
                case "descending" -> true;
                default -> throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending'.");
            };
        }
        return new ListQuery(parsed, start, size, sortBy == null || sortBy.isBlank() ? null : sortBy.trim(), descending);
    }

    private static int integer(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("'" + name + "' must be an integer.");
        }
    }
}
