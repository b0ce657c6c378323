package com.rollcall.groups;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.Projection;
import com.rollcall.scim.schema.ScimSchemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * How a group is written with its members streamed, under a request's {@code attributes}/{@code excludedAttributes}:
 * the group's other fields projected as RFC 7644 §3.9 says, whether {@code members} is wanted at all, and which of a
 * member's fields are. Worked out once per request by projecting the group's form with one sample member, so the
 * streamed answer is exactly what the projection of the whole document would give, without building it.
 *
 * @param header     the group's form to write, projected, without members
 * @param members    whether the answer has a {@code members} array
 * @param memberKeys the fields of each member to write
 */
record MemberStream(JsonObject header, boolean members, Set<String> memberKeys) {
    private static final JsonObject SAMPLE = ScimJson.object().add("value", "v").add("$ref", "r").add("type", "User")
            .add("display", "d").build();

    /** The plan for a group's form without members ({@code header}) under these projections. */
    static MemberStream of(JsonObject header, List<String> attributes, List<String> excluded) {
        if (attributes.isEmpty() && excluded.isEmpty()) {
            return new MemberStream(header, true, SAMPLE.keySet());
        }
        JsonObject sampled = ScimJson.object(header).add("members", ScimJson.array().add(SAMPLE)).build();
        JsonObject projected = Projection.apply(sampled, ScimSchemas.GROUP_RESOURCE_TYPE, attributes, excluded);
        JsonValue members = projected.get("members");
        boolean wanted = members != null && members.getValueType() == JsonValue.ValueType.ARRAY
                && !members.asJsonArray().isEmpty();
        Set<String> keys = wanted ? members.asJsonArray().getJsonObject(0).keySet() : Set.of();
        return new MemberStream(ScimJson.object(projected).remove("members").build(), wanted, Set.copyOf(keys));
    }

    /** A member as the answer shows it: only the wanted fields. */
    JsonObject member(JsonObject full) {
        if (memberKeys.containsAll(full.keySet())) {
            return full;
        }
        var kept = ScimJson.object();
        full.forEach((key, value) -> {
            if (memberKeys.contains(key)) {
                kept.add(key, value);
            }
        });
        return kept.build();
    }
}
