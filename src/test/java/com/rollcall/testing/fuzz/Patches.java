package com.rollcall.testing.fuzz;

import static com.rollcall.testing.fuzz.Texts.anyCase;
import static com.rollcall.testing.fuzz.Texts.chance;
import static com.rollcall.testing.fuzz.Texts.pick;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.AttributeType;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import com.rollcall.scim.schema.SchemaDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Schema-driven generation of SCIM request bodies of every shape: PATCH requests (RFC 7644 §3.5.2) with operations
 * on every attribute and sub-attribute of a resource type, value filters, URN paths, path-less values keyed by
 * paths (ENTRA.md Q4), the IdP dialects (Q1 to Q8) and values of the right type, the wrong type, null, huge, empty
 * or deeply nested; resources for POST and PUT; and JSON text broken in the ways clients break it.
 */
public final class Patches {
    private static final List<String> OPS = List.of("add", "replace", "remove", "Add", "Replace", "Remove", "ADD",
            "REMOVE", "rEpLaCe");
    private static final List<String> BAD_OPS = List.of("delete", "", " add", "move", "copy", "test", "add ", "ad\u0000d",
            "r\u00e9place");

    private Patches() {
    }

    /** A PATCH request body for resources of {@code type}: mostly well formed, every shape sometimes. */
    public static JsonObject body(Random random, ResourceTypeDefinition type, List<String> ids) {
        JsonObjectBuilder body = ScimJson.object();
        switch (random.nextInt(12)) {
            case 0 -> {
            }
            case 1 -> body.add("schemas", ScimJson.array().add("urn:x:unknown"));
            case 2 -> body.add("schemas", "not-an-array");
            default -> body.add("schemas", ScimJson.array().add(Urns.PATCH_OP));
        }
        String key = random.nextInt(15) == 0 ? anyCase(random, "operations") : "Operations";
        switch (random.nextInt(60)) {
            case 0 -> body.add(key, JsonValue.NULL);
            case 1 -> body.add(key, operation(random, type, ids));
            case 2 -> body.add(key, "add");
            case 3 -> {
            }
            case 4 -> body.add(key, ScimJson.array());
            default -> {
                JsonArrayBuilder operations = ScimJson.array();
                int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 3);
                for (int i = 0; i < count; i++) {
                    operations.add(random.nextInt(40) == 0 ? json(random, 2)
                            : random.nextBoolean() ? wellFormedOperation(random, type, ids) : operation(random, type, ids));
                }
                body.add(key, operations);
            }
        }
        if (random.nextInt(20) == 0) {
            body.add("extra", json(random, 2));
        }
        return body.build();
    }

    /**
     * A PATCH request body of well-formed operations ({@code op} one of the three in any case, paths of the resource
     * type's attributes, values mostly of the attribute's type): for properties of applied PATCHes.
     */
    public static JsonObject wellFormedBody(Random random, ResourceTypeDefinition type, List<String> ids, int operations) {
        JsonArrayBuilder array = ScimJson.array();
        for (int i = 0; i < operations; i++) {
            array.add(wellFormedOperation(random, type, ids));
        }
        return ScimJson.object().add("schemas", ScimJson.array().add(Urns.PATCH_OP)).add("Operations", array).build();
    }

    /** One well-formed operation: on a path of the type's attributes, or path-less with one or two keys. */
    public static JsonObject wellFormedOperation(Random random, ResourceTypeDefinition type, List<String> ids) {
        String op = pick(random, OPS);
        JsonObjectBuilder operation = ScimJson.object().add("op", op);
        if (!op.equalsIgnoreCase("remove") && random.nextInt(6) == 0) {
            JsonObjectBuilder value = ScimJson.object();
            int keys = 1 + random.nextInt(2);
            for (int i = 0; i < keys; i++) {
                Target target = target(random, type, ids, false);
                value.add(target.path(), value(random, target.attribute(), ids));
            }
            return operation.add("value", value).build();
        }
        Target target = target(random, type, ids, false);
        operation.add("path", target.path());
        if (!op.equalsIgnoreCase("remove") || random.nextInt(4) == 0) {
            operation.add("value", value(random, target.attribute(), ids));
        }
        return operation.build();
    }

    /** One operation: op, path and value of the shapes real clients send, and of broken ones. */
    public static JsonObject operation(Random random, ResourceTypeDefinition type, List<String> ids) {
        JsonObjectBuilder operation = ScimJson.object();
        String opKey = random.nextInt(20) == 0 ? "OP" : "op";
        switch (random.nextInt(30)) {
            case 0 -> {
            }
            case 1 -> operation.add(opKey, JsonValue.NULL);
            case 2 -> operation.add(opKey, 1);
            case 3 -> operation.add(opKey, pick(random, BAD_OPS));
            default -> operation.add(opKey, pick(random, OPS));
        }
        Target target = target(random, type, ids);
        String pathKey = random.nextInt(20) == 0 ? "Path" : "path";
        if (target == null) {
            switch (random.nextInt(8)) {
                case 0 -> operation.add(pathKey, JsonValue.NULL);
                case 1 -> operation.add(pathKey, pick(random, "", " ", "\t"));
                case 2 -> operation.add(pathKey, random.nextInt(3));
                default -> {
                }
            }
        } else {
            operation.add(pathKey, target.path());
        }
        String valueKey = random.nextInt(20) == 0 ? "Value" : "value";
        if (random.nextInt(8) > 0) {
            operation.add(valueKey, target == null ? pathless(random, type, ids) : value(random, target.attribute(), ids));
        }
        if (random.nextInt(25) == 0) {
            operation.add("unknown", Texts.content(random));
        }
        return operation.build();
    }

    /** What a path names, and the path as written; an attribute of null for paths that name nothing Rollcall has. */
    public record Target(String path, AttributeDefinition attribute) {
    }

    /** A path for an operation, or null for none: schema-driven mostly, hostile sometimes. */
    public static Target target(Random random, ResourceTypeDefinition type, List<String> ids) {
        int kind = random.nextInt(20);
        if (kind < 3) {
            return null;
        }
        if (kind < 5) {
            return new Target(Texts.mutate(random, target(random, type, ids, true).path(), 3), null);
        }
        if (kind == 5) {
            return new Target(pick(random, "nosuch", "name.nosuch", "urn:unknown:schema:attr", "roles",
                    "roles[primary eq true].value", "password", "x509Certificates", Filters.ENTERPRISE_TYPO + ":employeeNumber",
                    Filters.ENTERPRISE_TYPO, type.schema(), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                    "meta.version", "id", "groups", "members.value", "members[display eq \"x\"]", "members[value eq 1e2000000000]",
                    "emails[value eq \"a\"][type eq \"b\"]", "emails[type eq \"work\"].value.x", "emails[value pr].value",
                    "emails[not (value pr)]", "emails[type eq \"work\" or type eq \"home\"].primary", "name[givenName pr]",
                    "userName[value eq \"x\"]", "addresses[type eq \"work\"].locality"), null);
        }
        return target(random, type, ids, false);
    }

    private static Target target(Random random, ResourceTypeDefinition type, List<String> ids, boolean plain) {
        List<SchemaDefinition> schemas = ScimSchemas.schemasOf(type);
        SchemaDefinition schema = pick(random, schemas);
        List<AttributeDefinition> attributes = new ArrayList<>(schema.attributes());
        if (schema.id().equals(type.schema())) {
            attributes.add(ScimSchemas.META);
        }
        AttributeDefinition attribute = pick(random, attributes);
        String prefix = !schema.id().equals(type.schema()) && random.nextInt(3) > 0 || random.nextInt(10) == 0
                ? (random.nextInt(10) == 0 ? anyCase(random, schema.id()) : schema.id()) + ":" : "";
        String name = random.nextInt(4) == 0 ? anyCase(random, attribute.name()) : attribute.name();
        if (!attribute.isComplex() || random.nextInt(3) == 0) {
            return new Target(prefix + name, attribute);
        }
        AttributeDefinition sub = pick(random, attribute.subAttributes());
        if (!attribute.multiValued() || plain || random.nextInt(3) == 0) {
            return new Target(prefix + name + "." + sub.name(), sub);
        }
        String filter = valueFilter(random, attribute, ids);
        if (random.nextBoolean()) {
            return new Target(prefix + name + "[" + filter + "]", attribute);
        }
        return new Target(prefix + name + "[" + filter + "]." + sub.name(), sub);
    }

    private static String valueFilter(Random random, AttributeDefinition attribute, List<String> ids) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> "type eq \"" + pick(random, "work", "home", "Work", "mobile", "other", "User", "x") + "\"";
            case 2 -> "value eq \"" + (ids.isEmpty() || random.nextBoolean() ? Texts.content(random).replace("\\", "").replace("\"", "")
                    : pick(random, ids)) + "\"";
            case 3 -> "primary eq " + pick(random, "true", "false", "\"True\"");
            case 4 -> Filters.write(random, Filters.filter(random, 2)).replace("[", "(").replace("]", ")");
            default -> pick(random, attribute.subAttributes()).name() + " pr";
        };
    }

    /** A value for the attribute: of its type mostly, of any shape sometimes. */
    public static JsonValue value(Random random, AttributeDefinition attribute, List<String> ids) {
        if (attribute == null || random.nextInt(8) == 0) {
            return json(random, 3);
        }
        if (attribute.multiValued() && random.nextInt(6) > 0) {
            JsonArrayBuilder values = ScimJson.array();
            int count = random.nextInt(random.nextInt(10) == 0 ? 30 : 4);
            for (int i = 0; i < count; i++) {
                values.add(random.nextInt(15) == 0 ? JsonValue.NULL : single(random, attribute, ids));
            }
            return values.build();
        }
        return single(random, attribute, ids);
    }

    private static JsonValue single(Random random, AttributeDefinition attribute, List<String> ids) {
        if (attribute.isComplex()) {
            JsonObjectBuilder object = ScimJson.object();
            for (AttributeDefinition sub : attribute.subAttributes()) {
                if (random.nextInt(3) == 0) {
                    String key = random.nextInt(6) == 0 ? anyCase(random, sub.name()) : sub.name();
                    object.add(key, sub.name().equals("value") && !ids.isEmpty() && random.nextBoolean()
                            ? ScimJson.PROVIDER.createValue(pick(random, ids)) : simple(random, sub));
                }
            }
            if (random.nextInt(10) == 0) {
                object.add(Filters.name(random), json(random, 1));
            }
            return object.build();
        }
        return simple(random, attribute);
    }

    private static JsonValue simple(Random random, AttributeDefinition attribute) {
        if (random.nextInt(6) == 0) {
            return json(random, 1);
        }
        if (attribute.type() == AttributeType.BOOLEAN) {
            return switch (random.nextInt(6)) {
                case 0 -> JsonValue.TRUE;
                case 1 -> JsonValue.FALSE;
                case 2 -> ScimJson.PROVIDER.createValue(anyCase(random, "true"));
                case 3 -> ScimJson.PROVIDER.createValue(anyCase(random, "false"));
                case 4 -> ScimJson.PROVIDER.createValue(pick(random, "maybe", "1", "yes", ""));
                default -> JsonValue.NULL;
            };
        }
        if (!attribute.canonicalValues().isEmpty() && random.nextBoolean()) {
            return ScimJson.PROVIDER.createValue(anyCase(random, pick(random, attribute.canonicalValues())));
        }
        if (attribute.maxLength() > 0 && random.nextInt(15) == 0) {
            return ScimJson.PROVIDER.createValue("x".repeat(attribute.maxLength() + random.nextInt(3) - 1));
        }
        return ScimJson.PROVIDER.createValue(Texts.content(random));
    }

    /** A path-less value: an object whose keys are attributes, paths (Q4) or schema URNs. */
    public static JsonValue pathless(Random random, ResourceTypeDefinition type, List<String> ids) {
        if (random.nextInt(12) == 0) {
            return json(random, 2);
        }
        JsonObjectBuilder object = ScimJson.object();
        int keys = random.nextInt(5);
        for (int i = 0; i < keys; i++) {
            Target target = target(random, type, ids);
            if (target == null) {
                JsonObjectBuilder extension = ScimJson.object();
                extension.add(pick(random, "employeeNumber", "manager", "department", "x"), Texts.content(random));
                object.add(random.nextBoolean() ? Filters.ENTERPRISE : Filters.ENTERPRISE_TYPO, extension);
            } else {
                object.add(target.path(), value(random, target.attribute(), ids));
            }
        }
        return object.build();
    }

    /** Any JSON value up to {@code depth} levels: strings, numbers (huge ones too), literals, arrays, objects. */
    public static JsonValue json(Random random, int depth) {
        int kind = depth <= 0 ? random.nextInt(6) : random.nextInt(9);
        return switch (kind) {
            case 0 -> ScimJson.PROVIDER.createValue(Texts.content(random));
            case 1 -> ScimJson.PROVIDER.createValue(Texts.decimal(Texts.number(random)));
            case 2 -> ScimJson.PROVIDER.createValue(Texts.decimal(random.nextInt(4) == 0 ? Texts.extremeNumber(random)
                    : Texts.number(random)));
            case 3 -> pick(random, JsonValue.TRUE, JsonValue.FALSE);
            case 4 -> JsonValue.NULL;
            case 5 -> pick(random, JsonValue.EMPTY_JSON_ARRAY, JsonValue.EMPTY_JSON_OBJECT);
            case 6 -> {
                JsonArrayBuilder array = ScimJson.array();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    array.add(json(random, depth - 1));
                }
                yield array.build();
            }
            default -> {
                JsonObjectBuilder object = ScimJson.object();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    object.add(chance(random, 0.7) ? Filters.name(random) : Texts.content(random), json(random, depth - 1));
                }
                yield object.build();
            }
        };
    }

    /** A resource body for POST or PUT: the attributes of the type with values of every shape. */
    public static JsonObject resource(Random random, ResourceTypeDefinition type, List<String> ids, String uniqueName) {
        JsonObjectBuilder resource = ScimJson.object();
        if (random.nextInt(6) > 0) {
            resource.add("schemas", random.nextInt(8) == 0 ? json(random, 1) : ScimJson.array().add(type.schema()).build());
        }
        String required = type.schema().equals(Urns.USER) ? "userName" : "displayName";
        if (random.nextInt(8) > 0) {
            resource.add(required, random.nextInt(10) == 0 ? json(random, 1) : ScimJson.PROVIDER.createValue(uniqueName));
        }
        int attributes = random.nextInt(6);
        for (int i = 0; i < attributes; i++) {
            Target target = target(random, type, ids, true);
            if (!target.path().equalsIgnoreCase(required)) {
                resource.add(target.path(), value(random, target.attribute(), ids));
            }
        }
        if (random.nextInt(10) == 0) {
            resource.add(Filters.ENTERPRISE, pathless(random, type, ids));
        }
        return resource.build();
    }

    /** JSON text broken the ways clients break it: truncated, unbalanced, duplicated keys, comments, bad escapes. */
    public static String broken(Random random, String json) {
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 1 -> json + pick(random, " xyz", "{}", "]", ",", "\u0000", "\n\n");
            case 2 -> json.replaceFirst("\\{", "{\"a\":1,\"a\":2,");
            case 3 -> json.replace("\"", "'");
            case 4 -> "[".repeat(pick(random, 100, 2_000)) + json + "]".repeat(pick(random, 100, 2_000));
            case 5 -> json.replaceFirst(":", ": /* comment */");
            case 6 -> json.replaceFirst("\"", "\"\\x");
            case 7 -> json.replaceFirst(",", ",,");
            case 8 -> pick(random, "", " ", "null", "[]", "42", "\"text\"", "true", "{", "}", "NaN", "{\"a\":NaN}",
                    "{\"a\":Infinity}", "{\"a\":-}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":\"\\ud800\"}");
            default -> Texts.mutate(random, json, 3);
        };
    }

    /** Smaller JSON values for shrinking: members and elements removed, then each part made smaller, lazily. */
    public static Stream<JsonValue> smaller(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                List<String> keys = List.copyOf(object.keySet());
                return Stream.concat(keys.stream().map(key -> (JsonValue) ScimJson.object(object).remove(key).build()),
                        keys.stream().flatMap(key -> smaller(object.get(key))
                                .map(part -> (JsonValue) ScimJson.object(object).add(key, part).build())));
            }
            case ARRAY -> {
                List<JsonValue> elements = value.asJsonArray();
                return Stream.concat(IntStream.range(0, elements.size()).mapToObj(i -> replaced(elements, i, null)),
                        IntStream.range(0, elements.size()).boxed().flatMap(i -> smaller(elements.get(i))
                                .map(part -> replaced(elements, i, part))));
            }
            case STRING -> {
                String text = ((JsonString) value).getString();
                return Fuzz.shorter(text).limit(24).map(shorter -> (JsonValue) ScimJson.PROVIDER.createValue(shorter));
            }
            case NUMBER -> {
                return value.toString().equals("0") ? Stream.empty() : Stream.of(ScimJson.PROVIDER.createValue(0));
            }
            default -> {
                return Stream.empty();
            }
        }
    }

    private static JsonValue replaced(List<JsonValue> elements, int index, JsonValue part) {
        JsonArrayBuilder array = ScimJson.array();
        for (int i = 0; i < elements.size(); i++) {
            if (i != index) {
                array.add(elements.get(i));
            } else if (part != null) {
                array.add(part);
            }
        }
        return array.build();
    }
}
