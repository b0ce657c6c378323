package com.rollcall.scim.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Collection;

/**
 * The one JSON-P provider, looked up once. {@code jakarta.json.Json}'s static factories look the
 * provider up again on every call (a service-loader scan of the class path, very slow in an
 * application server); building a 100,000-member group that way took seconds. Use these instead.
 */
public final class ScimJson {
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private ScimJson() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder object(JsonObject initial) {
        return PROVIDER.createObjectBuilder(initial);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }
}
