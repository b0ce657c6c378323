package com.rollcall.scim.schema;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * RFC 7643 §5 ServiceProviderConfig. It advertises only what works today: every capability flag here
 * is backed by tests, and is switched on in the same change that builds the capability.
 */
public final class ServiceProviderConfigDocument {
    /** Largest page a list or search returns; larger {@code count}s are served capped to it (RFC 7644 §3.4.2.4). */
    public static final int MAX_RESULTS = 1000;

    private ServiceProviderConfigDocument() {
    }

    public static JsonObject build(String baseUrl) {
        return ScimJson.object()
                .add("schemas", ScimJson.array().add(Urns.SERVICE_PROVIDER_CONFIG))
                .add("documentationUri", baseUrl + "ServiceProviderConfig")
                .add("patch", supported(true))
                .add("bulk", supported(false).add("maxOperations", 0).add("maxPayloadSize", 0))
                .add("filter", supported(true).add("maxResults", MAX_RESULTS))
                .add("changePassword", supported(false))
                .add("sort", supported(true))
                .add("etag", supported(true))
                .add("authenticationSchemes", ScimJson.array().add(ScimJson.object()
                        .add("type", "oauthbearertoken")
                        .add("name", "OAuth Bearer Token")
                        .add("description", "Authentication with the API client's bearer token, sent as "
                                + "'Authorization: Bearer <token>'.")
                        .add("primary", true)))
                .add("meta", ScimJson.object()
                        .add("resourceType", "ServiceProviderConfig")
                        .add("location", baseUrl + "ServiceProviderConfig"))
                .build();
    }

    private static JsonObjectBuilder supported(boolean supported) {
        return ScimJson.object().add("supported", supported);
    }
}
