package com.rollcall.access;

import com.rollcall.roles.RoleDefinition;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** One mapping of a group as the console and the admin API show it: where (null = the enterprise level) and which role. */
public record MappingView(long id, SubAccountView subAccount, RoleDefinition role) {
    /** Whether the mapping is at the enterprise level. */
    public boolean enterpriseLevel() {
        return subAccount == null;
    }

    /** The admin API's form: {@code {id, subAccount (null = enterprise level), role}}. */
    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object().add("id", id);
        if (subAccount == null) {
            json.addNull("subAccount");
        } else {
            json.add("subAccount", RoleViews.subAccountJson(subAccount));
        }
        return json.add("role", RoleViews.roleJson(role)).build();
    }
}
