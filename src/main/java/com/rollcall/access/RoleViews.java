package com.rollcall.access;

import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;

/** The admin API's JSON forms of a role and a sub-account, in one place. */
public final class RoleViews {
    private RoleViews() {
    }

    public static JsonObject roleJson(RoleDefinition role) {
        return ScimJson.object().add("id", role.id()).add("name", role.name()).add("scope", role.scope().name())
                .add("score", RolePriorityMatrix.score(role)).build();
    }

    public static JsonObject subAccountJson(SubAccountView subAccount) {
        return ScimJson.object().add("id", subAccount.id()).add("name", subAccount.name()).build();
    }
}
