package com.rollcall.scim.message;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** RFC 7644 §3.4.2 ListResponse: totalResults is the whole match, itemsPerPage what this page holds. */
public final class ListResponse {
    private ListResponse() {
    }

    public static JsonObject of(long totalResults, int startIndex, List<JsonObject> resources) {
        JsonArrayBuilder items = ScimJson.array();
        resources.forEach(items::add);
        return ScimJson.object()
                .add("schemas", ScimJson.array().add(Urns.LIST_RESPONSE))
                .add("totalResults", totalResults)
                .add("itemsPerPage", resources.size())
                .add("startIndex", startIndex)
                .add("Resources", items)
                .build();
    }
}
