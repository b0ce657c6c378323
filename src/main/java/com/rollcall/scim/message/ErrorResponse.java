package com.rollcall.scim.message;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The SCIM error body of RFC 7644 §3.12: {@code status} is a string; {@code detail} is for humans. */
public final class ErrorResponse {
    private ErrorResponse() {
    }

    public static JsonObject of(int status, ScimErrorType type, String detail) {
        JsonObjectBuilder body = ScimJson.object()
                .add("schemas", ScimJson.array().add(Urns.ERROR))
                .add("status", Integer.toString(status));
        if (type != null && type.wireValue() != null) {
            body.add("scimType", type.wireValue());
        }
        if (detail != null && !detail.isBlank()) {
            body.add("detail", detail);
        }
        return body.build();
    }

    public static JsonObject of(ScimException e) {
        return of(e.status(), e.type(), e.detail());
    }
}
