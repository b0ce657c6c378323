package com.rollcall.users;

import com.rollcall.scim.json.ScimJson;
import static com.rollcall.scim.schema.JsonAttributes.bool;
import static com.rollcall.scim.schema.JsonAttributes.object;
import static com.rollcall.scim.schema.JsonAttributes.objects;
import static com.rollcall.scim.schema.JsonAttributes.string;

import com.rollcall.scim.message.Preconditions;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.JsonAttributes;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SCIM User JSON to {@link UserAttributes} (validated: types, lengths, required userName) and a
 * stored user back to SCIM JSON, exactly as stored. {@code password} and {@code roles} are never
 * read (PRODUCT.md rule 7, ENTRA.md Q7); unknown attributes and schema URNs are ignored (Q8).
 */
public final class UserScimMapper {
    /** Multi-valued attributes with a {@code value} sub-attribute that Rollcall stores. */
    static final List<String> VALUE_ATTRIBUTES = List.of("emails", "phoneNumbers", "ims", "photos");
    static final String ADDRESSES = "addresses";
    private static final int SHORT = 100;
    private static final int MEDIUM = 200;
    private static final int LONG = 300;

    private UserScimMapper() {
    }

    public static UserAttributes fromJson(JsonObject json) {
        String userName = string(json, "userName", LONG);
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("Attribute 'userName' is required and must not be blank.");
        }
        JsonObject name = object(json, "name");
        JsonObject enterprise = object(json, Urns.ENTERPRISE_USER);
        List<MultiValueData> values = new ArrayList<>();
        for (String attribute : VALUE_ATTRIBUTES) {
            for (JsonObject item : objects(json, attribute)) {
                values.add(new MultiValueData(attribute, string(item, "type", SHORT), isPrimary(item, attribute),
                        string(item, "display", 500), string(item, "value", 700), null, null, null, null, null, null));
            }
        }
        for (JsonObject item : objects(json, ADDRESSES)) {
            values.add(new MultiValueData(ADDRESSES, string(item, "type", SHORT), isPrimary(item, ADDRESSES), null, null,
                    string(item, "formatted", 1000), string(item, "streetAddress", 500), string(item, "locality", MEDIUM),
                    string(item, "region", MEDIUM), string(item, "postalCode", SHORT), string(item, "country", SHORT)));
        }
        return new UserAttributes(userName, string(json, "externalId", LONG),
                string(name, "formatted", 500), string(name, "familyName", MEDIUM), string(name, "givenName", MEDIUM),
                string(name, "middleName", MEDIUM), string(name, "honorificPrefix", SHORT),
                string(name, "honorificSuffix", SHORT),
                string(json, "displayName", LONG), string(json, "nickName", MEDIUM), string(json, "profileUrl", 1000),
                string(json, "title", LONG), string(json, "userType", SHORT), string(json, "preferredLanguage", SHORT),
                string(json, "locale", SHORT), string(json, "timezone", SHORT),
                bool(json, "active"),
                values,
                string(enterprise, "employeeNumber", MEDIUM), string(enterprise, "costCenter", MEDIUM),
                string(enterprise, "organization", MEDIUM), string(enterprise, "division", MEDIUM),
                string(enterprise, "department", MEDIUM), managerId(enterprise));
    }

    private static boolean isPrimary(JsonObject item, String attribute) {
        Boolean primary = bool(item, "primary");
        return primary != null && primary;
    }

    /** ENTRA.md Q6: manager as a plain id string, as {"value": id}, or as [{"value": id}]. */
    static String managerId(JsonObject enterprise) {
        Optional<JsonValue> manager = JsonAttributes.get(enterprise, "manager");
        if (manager.isEmpty()) {
            return null;
        }
        JsonValue value = manager.get();
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArray array = value.asJsonArray();
            if (array.isEmpty()) {
                return null;
            }
            value = array.get(0);
        }
        String id = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case OBJECT -> string(value.asJsonObject(), "value", LONG);
            default -> throw ScimException.invalidValue("Attribute 'manager' must be an id or an object with a 'value'.");
        };
        if (id != null && id.length() > LONG) {
            throw ScimException.invalidValue("Attribute 'manager' is longer than " + LONG + " characters.");
        }
        return id == null || id.isEmpty() ? null : id;
    }

    /** A group the user belongs to, as the read-only {@code groups} attribute shows it. */
    public record GroupRef(String scimId, String display) {
    }

    public static JsonObject toJson(UserAccount user, String baseUrl) {
        return toJson(user, List.of(), baseUrl);
    }

    public static JsonObject toJson(UserAccount user, List<GroupRef> groups, String baseUrl) {
        UserAttributes a = user.attributes();
        boolean hasExtension = a.employeeNumber() != null || a.costCenter() != null || a.organization() != null
                || a.division() != null || a.department() != null || a.managerId() != null;
        JsonArrayBuilder schemas = ScimJson.array().add(Urns.USER);
        if (hasExtension) {
            schemas.add(Urns.ENTERPRISE_USER);
        }
        JsonObjectBuilder json = ScimJson.object().add("schemas", schemas).add("id", user.scimId());
        put(json, "externalId", a.externalId());
        json.add("userName", a.userName());
        JsonObjectBuilder name = ScimJson.object();
        put(name, "formatted", a.nameFormatted());
        put(name, "familyName", a.familyName());
        put(name, "givenName", a.givenName());
        put(name, "middleName", a.middleName());
        put(name, "honorificPrefix", a.honorificPrefix());
        put(name, "honorificSuffix", a.honorificSuffix());
        JsonObject builtName = name.build();
        if (!builtName.isEmpty()) {
            json.add("name", builtName);
        }
        put(json, "displayName", a.displayName());
        put(json, "nickName", a.nickName());
        put(json, "profileUrl", a.profileUrl());
        put(json, "title", a.title());
        put(json, "userType", a.userType());
        put(json, "preferredLanguage", a.preferredLanguage());
        put(json, "locale", a.locale());
        put(json, "timezone", a.timezone());
        json.add("active", user.active());
        for (String attribute : VALUE_ATTRIBUTES) {
            addValues(json, a.multiValues(), attribute);
        }
        addValues(json, a.multiValues(), ADDRESSES);
        if (!groups.isEmpty()) {
            JsonArrayBuilder array = ScimJson.array();
            for (GroupRef group : groups) {
                JsonObjectBuilder item = ScimJson.object().add("value", group.scimId())
                        .add("$ref", baseUrl + "Groups/" + group.scimId()).add("type", "direct");
                put(item, "display", group.display());
                array.add(item);
            }
            json.add("groups", array);
        }
        if (hasExtension) {
            JsonObjectBuilder ext = ScimJson.object();
            put(ext, "employeeNumber", a.employeeNumber());
            put(ext, "costCenter", a.costCenter());
            put(ext, "organization", a.organization());
            put(ext, "division", a.division());
            put(ext, "department", a.department());
            if (a.managerId() != null) {
                ext.add("manager", ScimJson.object()
                        .add("value", a.managerId())
                        .add("$ref", baseUrl + "Users/" + a.managerId()));
            }
            json.add(Urns.ENTERPRISE_USER, ext);
        }
        json.add("meta", meta("User", user.createdAt(), user.lastModified(), baseUrl + "Users/" + user.scimId(),
                user.version()));
        return json.build();
    }

    private static void addValues(JsonObjectBuilder json, List<MultiValueData> all, String attribute) {
        JsonArrayBuilder array = ScimJson.array();
        boolean any = false;
        for (MultiValueData v : all) {
            if (!v.attribute().equals(attribute)) {
                continue;
            }
            any = true;
            JsonObjectBuilder item = ScimJson.object();
            put(item, "value", v.value());
            put(item, "display", v.display());
            put(item, "formatted", v.formatted());
            put(item, "streetAddress", v.streetAddress());
            put(item, "locality", v.locality());
            put(item, "region", v.region());
            put(item, "postalCode", v.postalCode());
            put(item, "country", v.country());
            put(item, "type", v.type());
            if (v.primary()) {
                item.add("primary", true);
            }
            array.add(item);
        }
        if (any) {
            json.add(attribute, array);
        }
    }

    static JsonObject meta(String resourceType, Instant created, Instant lastModified, String location, int version) {
        return ScimJson.object()
                .add("resourceType", resourceType)
                .add("created", created.toString())
                .add("lastModified", lastModified.toString())
                .add("location", location)
                .add("version", Preconditions.etag(version))
                .build();
    }

    private static void put(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
