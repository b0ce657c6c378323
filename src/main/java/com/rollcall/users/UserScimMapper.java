package com.rollcall.users;

import static com.rollcall.scim.schema.JsonAttributes.bool;
import static com.rollcall.scim.schema.JsonAttributes.object;
import static com.rollcall.scim.schema.JsonAttributes.objects;
import static com.rollcall.scim.schema.JsonAttributes.string;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.Preconditions;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.JsonAttributes;
import com.rollcall.scim.schema.ScimSchemas;
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
    /** The manager's id, as long as its schema definition ({@code manager.value}) allows. */
    private static final int MANAGER_ID = ScimSchemas.ENTERPRISE_USER.attribute("manager")
            .flatMap(manager -> manager.subAttribute("value")).map(AttributeDefinition::maxLength).orElseThrow();

    private UserScimMapper() {
    }

    public static UserAttributes fromJson(JsonObject json) {
        String userName = core(json, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("Attribute 'userName' is required and must not be blank.");
        }
        JsonObject name = object(json, "name");
        JsonObject enterprise = object(json, Urns.ENTERPRISE_USER);
        List<MultiValueData> values = new ArrayList<>();
        for (String attribute : VALUE_ATTRIBUTES) {
            for (JsonObject item : objects(json, attribute)) {
                values.add(new MultiValueData(attribute, sub(item, attribute, "type"), isPrimary(item, attribute),
                        sub(item, attribute, "display"), sub(item, attribute, "value"), null, null, null, null, null, null));
            }
        }
        for (JsonObject item : objects(json, ADDRESSES)) {
            values.add(new MultiValueData(ADDRESSES, sub(item, ADDRESSES, "type"), isPrimary(item, ADDRESSES), null, null,
                    sub(item, ADDRESSES, "formatted"), sub(item, ADDRESSES, "streetAddress"), sub(item, ADDRESSES, "locality"),
                    sub(item, ADDRESSES, "region"), sub(item, ADDRESSES, "postalCode"), sub(item, ADDRESSES, "country")));
        }
        return UserAttributes.builder()
                .userName(userName).externalId(core(json, "externalId"))
                .nameFormatted(sub(name, "name", "formatted")).familyName(sub(name, "name", "familyName"))
                .givenName(sub(name, "name", "givenName")).middleName(sub(name, "name", "middleName"))
                .honorificPrefix(sub(name, "name", "honorificPrefix")).honorificSuffix(sub(name, "name", "honorificSuffix"))
                .displayName(core(json, "displayName")).nickName(core(json, "nickName")).profileUrl(core(json, "profileUrl"))
                .title(core(json, "title")).userType(core(json, "userType")).preferredLanguage(core(json, "preferredLanguage"))
                .locale(core(json, "locale")).timezone(core(json, "timezone"))
                .active(bool(json, "active"))
                .multiValues(values)
                .employeeNumber(extension(enterprise, "employeeNumber")).costCenter(extension(enterprise, "costCenter"))
                .organization(extension(enterprise, "organization")).division(extension(enterprise, "division"))
                .department(extension(enterprise, "department")).managerId(managerId(enterprise))
                .build();
    }

    /** A string attribute of the core User schema, within the length its definition allows. */
    private static String core(JsonObject json, String attribute) {
        return string(json, attribute, limit(ScimSchemas.USER.attribute(attribute)));
    }

    /** A sub-attribute of a complex core attribute ({@code name}, {@code emails}...), within its defined length. */
    private static String sub(JsonObject item, String attribute, String subAttribute) {
        return string(item, subAttribute, limit(ScimSchemas.USER.attribute(attribute)
                .flatMap(definition -> definition.subAttribute(subAttribute))));
    }

    /** A string attribute of the enterprise extension, within its defined length. */
    private static String extension(JsonObject enterprise, String attribute) {
        return string(enterprise, attribute, limit(ScimSchemas.ENTERPRISE_USER.attribute(attribute)));
    }

    private static int limit(Optional<AttributeDefinition> definition) {
        return definition.map(AttributeDefinition::maxLength).filter(n -> n > 0)
                .orElseThrow(() -> new IllegalStateException("a stored string attribute needs a length limit in ScimSchemas"));
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
            case OBJECT -> string(value.asJsonObject(), "value", MANAGER_ID);
            default -> throw ScimException.invalidValue("Attribute 'manager' must be an id or an object with a 'value'.");
        };
        if (id != null && id.length() > MANAGER_ID) {
            throw ScimException.invalidValue("Attribute 'manager' is longer than " + MANAGER_ID + " characters.");
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
            // always said, true or false: a client that sent "primary": false reads it back (conformance suites check)
            item.add("primary", v.primary());
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
