package com.rollcall.groups;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.Preconditions;
import com.rollcall.scim.message.RequestLimits;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.JsonAttributes;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** SCIM Group JSON in (validated) and out. Members are given to it as rows, never loaded by it. */
public final class GroupScimMapper {
    private GroupScimMapper() {
    }

    /** displayName (required) and externalId of a create or replace. */
    public record GroupAttributes(String displayName, String externalId, Set<String> memberIds) {
    }

    public static GroupAttributes fromJson(JsonObject json) {
        String displayName = JsonAttributes.string(json, "displayName", 300);
        if (displayName == null || displayName.isBlank()) {
            throw ScimException.invalidValue("Attribute 'displayName' is required and must not be blank.");
        }
        return new GroupAttributes(displayName, JsonAttributes.string(json, "externalId", 300), memberIds(json));
    }

    /** The {@code value}s of a {@code members} array (of a body or a PATCH value), in order, without repeats. */
    static Set<String> memberIds(JsonObject json) {
        Set<String> ids = new LinkedHashSet<>();
        List<JsonObject> members = JsonAttributes.objects(json, "members");
        RequestLimits.requireMemberValues(members.size());
        for (JsonObject member : members) {
            ids.add(memberId(member));
        }
        return ids;
    }

    static String memberId(JsonObject member) {
        String id = JsonAttributes.string(member, "value", 300);
        if (id == null || id.isBlank()) {
            throw ScimException.invalidValue("Each member needs a 'value' with the member's id.");
        }
        return id;
    }

    /** One member as it appears in a group's {@code members}. */
    static JsonObject memberJson(GroupMember member, String baseUrl) {
        JsonObjectBuilder item = ScimJson.object()
                .add("value", member.scimId())
                .add("$ref", baseUrl + member.type().name() + "s/" + member.scimId())
                .add("type", member.type().name());
        if (member.display() != null) {
            item.add("display", member.display());
        }
        return item.build();
    }

    public static JsonObject toJson(UserGroup group, List<GroupMember> members, String baseUrl) {
        JsonObjectBuilder json = ScimJson.object()
                .add("schemas", ScimJson.array().add(Urns.GROUP))
                .add("id", group.scimId());
        if (group.externalId() != null) {
            json.add("externalId", group.externalId());
        }
        json.add("displayName", group.displayName());
        if (members != null) {
            JsonArrayBuilder array = ScimJson.array();
            for (GroupMember member : members) {
                array.add(memberJson(member, baseUrl));
            }
            json.add("members", array);
        }
        json.add("meta", ScimJson.object()
                .add("resourceType", "Group")
                .add("created", group.createdAt().toString())
                .add("lastModified", group.lastModified().toString())
                .add("location", baseUrl + "Groups/" + group.scimId())
                .add("version", Preconditions.etag(group.version())));
        return json.build();
    }
}
