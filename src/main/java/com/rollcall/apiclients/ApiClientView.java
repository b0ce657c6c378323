package com.rollcall.apiclients;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Set;

/** What an admin may see of an API client: never the token nor its hash. */
public record ApiClientView(long id, String name, Set<ApiScope> scopes, String tokenHint, Instant createdAt,
        String createdBy, Instant lastUsedAt, Instant revokedAt) implements java.io.Serializable {
    static ApiClientView of(ApiClient c) {
        return new ApiClientView(c.id(), c.name(), c.scopes(), c.tokenHint(), c.createdAt(), c.createdBy(),
                c.lastUsedAt(), c.revokedAt());
    }

    public JsonObject toJson() {
        JsonArrayBuilder scopeNames = ScimJson.array();
        scopes.stream().sorted().forEach(s -> scopeNames.add(s.wireName()));
        JsonObjectBuilder json = ScimJson.object()
                .add("id", Long.toString(id))
                .add("name", name)
                .add("scopes", scopeNames)
                .add("tokenHint", tokenHint)
                .add("createdAt", createdAt.toString());
        JsonFields.addOrNull(json, "createdBy", createdBy);
        JsonFields.addOrNull(json, "lastUsedAt", lastUsedAt);
        JsonFields.addOrNull(json, "revokedAt", revokedAt);
        return json.build();
    }

}
