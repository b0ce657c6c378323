package com.rollcall.access;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A group the IdP deleted, with the mappings kept from it (empty once restored or discarded). */
public record DeletedGroupView(String scimId, String displayName, String externalId, Instant deletedAt,
        List<KeptMappingView> keptMappings) implements Serializable {

    /** The admin API's form: {@code {id, displayName, externalId, deletedAt, keptMappings: [...]}}. */
    public JsonObject toJson() {
        JsonArrayBuilder kept = ScimJson.array();
        keptMappings.forEach(m -> kept.add(m.toJson()));
        return JsonFields.addOrNull(ScimJson.object().add("id", scimId).add("displayName", displayName), "externalId",
                externalId).add("deletedAt", deletedAt.toString()).add("keptMappings", kept).build();
    }
}
