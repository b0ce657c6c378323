package com.rollcall.operators;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** What an operator sees of an operator token: never the token nor its hash. */
public record OperatorTokenView(long id, String name, String tokenHint, boolean fromEnvironment, Instant createdAt,
        String createdBy, Instant lastUsedAt, Instant revokedAt) {
    static OperatorTokenView of(OperatorToken t) {
        return new OperatorTokenView(t.id(), t.name(), t.tokenHint(), t.fromEnvironment(), t.createdAt(), t.createdBy(),
                t.lastUsedAt(), t.revokedAt());
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object()
                .add("id", Long.toString(id))
                .add("name", name)
                .add("tokenHint", tokenHint)
                .add("fromEnvironment", fromEnvironment)
                .add("createdAt", createdAt.toString());
        JsonFields.addOrNull(json, "createdBy", createdBy);
        JsonFields.addOrNull(json, "lastUsedAt", lastUsedAt);
        JsonFields.addOrNull(json, "revokedAt", revokedAt);
        return json.build();
    }
}
