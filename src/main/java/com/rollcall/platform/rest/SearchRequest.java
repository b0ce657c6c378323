package com.rollcall.platform.rest;

import com.rollcall.platform.query.ListQuery;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.JsonAttributes;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 7644 §3.4.3 {@code POST .search}: the list parameters in a body, for clients that keep filters
 * out of URLs. The attribute lists are handed to the {@link ProjectionFilter} as request properties.
 */
public record SearchRequest(ListQuery query, List<String> attributes, List<String> excludedAttributes) {

    public static SearchRequest parse(JsonObject body) {
        ListQuery query = ListQuery.of(JsonAttributes.string(body, "filter", 10_000), number(body, "startIndex"),
                number(body, "count"), JsonAttributes.string(body, "sortBy", 500),
                JsonAttributes.string(body, "sortOrder", 20));
        return new SearchRequest(query, names(body, "attributes"), names(body, "excludedAttributes"));
    }

    /** Makes the response of this request projected like a GET with the same query parameters. */
    public void applyTo(ContainerRequestContext request) {
        request.setProperty(ProjectionFilter.ATTRIBUTES, attributes);
        request.setProperty(ProjectionFilter.EXCLUDED, excludedAttributes);
    }

    private static String number(JsonObject body, String name) {
        Optional<JsonValue> value = JsonAttributes.get(body, name);
        if (value.isEmpty()) {
            return null;
        }
        return switch (value.get().getValueType()) {
            case NUMBER -> ((JsonNumber) value.get()).toString();
            case STRING -> ((JsonString) value.get()).getString();
            default -> throw ScimException.invalidValue("'" + name + "' must be an integer.");
        };
    }

    private static List<String> names(JsonObject body, String name) {
        Optional<JsonValue> value = JsonAttributes.get(body, name);
        List<String> names = new ArrayList<>();
        if (value.isEmpty()) {
            return names;
        }
        switch (value.get().getValueType()) {
            case ARRAY -> value.get().asJsonArray().forEach(item -> {
                if (item.getValueType() != JsonValue.ValueType.STRING) {
                    throw ScimException.invalidValue("'" + name + "' must be a list of attribute names.");
                }
                names.add(((JsonString) item).getString());
            });
            case STRING -> names.addAll(com.rollcall.scim.schema.Projection.parseList(((JsonString) value.get()).getString()));
            default -> throw ScimException.invalidValue("'" + name + "' must be a list of attribute names.");
        }
        return names;
    }
}
