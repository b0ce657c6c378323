package com.rollcall.access;

import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;

/**
 * A mapping kept from a group the IdP deleted (or restored from one), as the console and the admin API show it:
 * where ({@code subAccountId} null = the enterprise level) and which role. Its JSON has the shape of a group's
 * mappings ({@link MappingView#toJson}).
 */
public record KeptMappingView(long id, Long subAccountId, String subAccountName, long roleId, String roleName,
        String roleScope, int score) implements Serializable {
    static KeptMappingView of(MappingView m) {
        return new KeptMappingView(m.id(), m.enterpriseLevel() ? null : m.subAccount().id(),
                m.enterpriseLevel() ? null : m.subAccount().name(), m.role().id(), m.role().name(), m.role().scope().name(),
                RolePriorityMatrix.score(m.role()));
    }

    /** "Editor in EMEA", "Enterprise Admin (enterprise level)". */
    public String describe() {
        return subAccountId == null ? roleName + " (enterprise level)" : roleName + " in " + subAccountName;
    }

    /** {@code {id, subAccount (null = enterprise level), role: {id, name, scope, score}}}. */
    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object().add("id", id);
        if (subAccountId == null) {
            json.addNull("subAccount");
        } else {
            json.add("subAccount", ScimJson.object().add("id", subAccountId).add("name", subAccountName));
        }
        return json.add("role", ScimJson.object().add("id", roleId).add("name", roleName).add("scope", roleScope)
                .add("score", score)).build();
    }
}
