package com.rollcall.access;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.Locale;

/**
 * A live group that a deleted group's kept mappings can be restored onto. {@code match} says why it is suggested:
 * {@code EXTERNAL_ID} (the IdP created a group with the deleted one's externalId), {@code DISPLAY_NAME} (the same
 * name, in any case), or null (found by a search). Same-named groups are told apart by externalId and members.
 */
public record RestoreTarget(String scimId, String displayName, String externalId, int memberCount, String match)
        implements Serializable {
    public static final String EXTERNAL_ID = "EXTERNAL_ID";
    public static final String DISPLAY_NAME = "DISPLAY_NAME";

    /** "Sales — external id 8aa1, 12 members (same external id)". */
    public String label() {
        String why = EXTERNAL_ID.equals(match) ? " (same external id)" : DISPLAY_NAME.equals(match) ? " (same name)" : "";
        return displayName + " — " + (externalId == null ? "no external id" : "external id " + externalId) + ", "
                + com.rollcall.platform.text.Plural.count(memberCount, "member") + why;
    }

    public JsonObject toJson() {
        var json = JsonFields.addOrNull(ScimJson.object().add("id", scimId).add("displayName", displayName), "externalId",
                externalId).add("memberCount", memberCount);
        return JsonFields.addOrNull(json, "match", match).build();
    }
}
