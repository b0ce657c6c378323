package com.rollcall.scim.schema;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.9) applied to a SCIM
 * resource, driven by the {@code returned} characteristic of {@link ScimSchemas}.
 *
 * <ul>
 * <li>{@code schemas}, {@code id} and every {@code returned=always} attribute are always kept;
 *     {@code returned=never} attributes ({@code password}) never appear; {@code returned=request}
 *     attributes appear only when listed in {@code attributes}.</li>
 * <li>{@code attributes} given: only the listed attributes (plus the always-returned ones). A name may be
 *     an attribute ({@code emails}), a sub-attribute ({@code name.givenName}), URN-qualified
 *     ({@code urn:…:enterprise:2.0:User:employeeNumber}) or a whole schema URN (every attribute of that
 *     schema). Without a URN an attribute is looked up in the core schema, then in the extensions.</li>
 * <li>{@code excludedAttributes} given: everything that is returned by default except the listed
 *     attributes or sub-attributes; always-returned attributes cannot be excluded.</li>
 * <li>Both given: {@code attributes} wins and {@code excludedAttributes} is ignored (RFC 7644 §3.9 lets a
 *     client send one or the other; answering the positive list is the least surprising).</li>
 * <li>{@code meta} is kept, in full, unless {@code excludedAttributes} names it or one of its
 *     sub-attributes. RFC 7643 gives it no {@code returned} characteristic; keeping it even under
 *     {@code attributes} gives clients the version and location of what they asked about (and the
 *     boundary derives {@code ETag} and {@code Location} from it).</li>
 * <li>Names are case-insensitive. Unknown names (not an attribute of the resource type, or not in
 *     attribute notation) select nothing and exclude nothing; they are not an error, because IdPs send
 *     attributes a service provider does not support (ENTRA.md Q8) and a 400 costs them a retry cycle.</li>
 * <li>Complex values left empty by the projection are dropped, as are multi-valued elements left empty;
 *     {@code schemas} is returned unchanged. Keys of the resource that the schema does not define are kept
 *     unless {@code attributes} is given.</li>
 * </ul>
 */
public final class Projection {
    private Projection() {
    }

    /** The attribute names of a query parameter: split on commas, trimmed, empties dropped; never null. */
    public static List<String> parseList(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String name = part.trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /**
     * The resource with only the attributes the request asks for. Either list may be null or empty; an
     * element may itself hold comma-separated names.
     */
    public static JsonObject apply(JsonObject resource, ResourceTypeDefinition type, List<String> attributes,
                                   List<String> excludedAttributes) {
        Request request = Request.of(type, attributes, excludedAttributes);
        Function<String, Optional<AttributeDefinition>> coreLookup = name ->
                ScimSchemas.locate(type, type.schema(), name, null).map(ResolvedAttribute::attribute);
        JsonObjectBuilder out = ScimJson.object();
        for (Map.Entry<String, JsonValue> entry : resource.entrySet()) {
            String key = entry.getKey();
            JsonValue value = entry.getValue();
            if (key.equalsIgnoreCase("schemas")) {
                out.add(key, value);
                continue;
            }
            Optional<SchemaDefinition> extension = extensionOf(type, key);
            if (extension.isPresent() && value.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject projected = project(value.asJsonObject(), extension.get().id(), extension.get()::attribute,
                        request);
                if (!projected.isEmpty()) {
                    out.add(key, projected);
                }
                continue;
            }
            projectAttribute(type.schema(), coreLookup.apply(key), value, request).ifPresent(v -> out.add(key, v));
        }
        return out.build();
    }

    /**
     * Whether a response projected with these parameters contains {@code attribute} (or any part of it), so
     * that a repository can skip loading what is not wanted, e.g.
     * {@code wants(GROUP_RESOURCE_TYPE, attributes, excludedAttributes, "members")} is false for
     * {@code excludedAttributes=members}. {@code attribute} uses the same notation as the parameters.
     *
     * @throws IllegalArgumentException if {@code attribute} is not an attribute of {@code type}
     */
    public static boolean wants(ResourceTypeDefinition type, List<String> attributes, List<String> excludedAttributes,
                                String attribute) {
        Name name = Name.parse(type, attribute).orElseThrow(() ->
                new IllegalArgumentException("'" + attribute + "' is not an attribute of " + type.name() + "."));
        Request request = Request.of(type, attributes, excludedAttributes);
        if (name.attribute() == null) {
            return ScimSchemas.schema(name.urn()).stream()
                    .flatMap(schema -> schema.attributes().stream())
                    .anyMatch(definition -> request.keeps(name.urn(), definition));
        }
        if (!request.keeps(name.urn(), name.attribute())) {
            return false;
        }
        return name.sub() == null || request.keepsSub(name.urn(), name.attribute(), name.sub());
    }

    private static Optional<SchemaDefinition> extensionOf(ResourceTypeDefinition type, String key) {
        for (ResourceTypeDefinition.SchemaExtension extension : type.schemaExtensions()) {
            if (extension.schema().equalsIgnoreCase(key)) {
                return ScimSchemas.schema(extension.schema());
            }
        }
        return Optional.empty();
    }

    private static JsonObject project(JsonObject object, String urn,
                                      Function<String, Optional<AttributeDefinition>> lookup, Request request) {
        JsonObjectBuilder out = ScimJson.object();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            projectAttribute(urn, lookup.apply(entry.getKey()), entry.getValue(), request)
                    .ifPresent(v -> out.add(entry.getKey(), v));
        }
        return out.build();
    }

    private static Optional<JsonValue> projectAttribute(String urn, Optional<AttributeDefinition> definition,
                                                        JsonValue value, Request request) {
        if (definition.isEmpty()) {
            return request.inclusive() ? Optional.empty() : Optional.of(value);
        }
        AttributeDefinition attribute = definition.get();
        if (!request.keeps(urn, attribute)) {
            return Optional.empty();
        }
        if (!attribute.isComplex()) {
            return Optional.of(value);
        }
        return switch (value.getValueType()) {
            case OBJECT -> nonEmpty(projectSubs(value.asJsonObject(), urn, attribute, request));
            case ARRAY -> {
                JsonArrayBuilder elements = ScimJson.array();
                boolean any = false;
                for (JsonValue element : value.asJsonArray()) {
                    if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                        elements.add(element);
                        any = true;
                        continue;
                    }
                    JsonObject projected = projectSubs(element.asJsonObject(), urn, attribute, request);
                    if (!projected.isEmpty()) {
                        elements.add(projected);
                        any = true;
                    }
                }
                yield any ? Optional.of(elements.build()) : Optional.empty();
            }
            default -> Optional.of(value);
        };
    }

    private static JsonObject projectSubs(JsonObject object, String urn, AttributeDefinition attribute,
                                          Request request) {
        JsonObjectBuilder out = ScimJson.object();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            AttributeDefinition sub = attribute.subAttribute(entry.getKey()).orElse(null);
            if (request.keepsSub(urn, attribute, sub)) {
                out.add(entry.getKey(), entry.getValue());
            }
        }
        return out.build();
    }

    private static Optional<JsonValue> nonEmpty(JsonObject object) {
        return object.isEmpty() ? Optional.empty() : Optional.of(object);
    }

    /** A resolved name of the parameters: a whole schema (attribute null), an attribute, or a sub-attribute. */
    private record Name(String urn, AttributeDefinition attribute, AttributeDefinition sub) {

        static Optional<Name> parse(ResourceTypeDefinition type, String raw) {
            String text = raw == null ? "" : raw.trim();
            String urn = null;
            String rest = text;
            if (text.regionMatches(true, 0, "urn:", 0, 4)) {
                for (String candidate : type.schemaUrns()) {
                    int length = candidate.length();
                    if (!text.regionMatches(true, 0, candidate, 0, length)) {
                        continue;
                    }
                    if (text.length() == length) {
                        return ScimSchemas.schema(candidate).map(schema -> new Name(schema.id(), null, null));
                    }
                    char separator = text.charAt(length);
                    if (separator == ':' || separator == '.') {
                        urn = candidate;
                        rest = text.substring(length + 1);
                        break;
                    }
                }
                if (urn == null) {
                    return Optional.empty();
                }
            }
            int dot = rest.indexOf('.');
            String attribute = dot < 0 ? rest : rest.substring(0, dot);
            String sub = dot < 0 ? null : rest.substring(dot + 1);
            if (attribute.isEmpty() || (sub != null && (sub.isEmpty() || sub.indexOf('.') >= 0))) {
                return Optional.empty();
            }
            return ScimSchemas.locate(type, urn, attribute, sub)
                    .map(found -> new Name(found.schemaUrn(), found.attribute(), found.subAttributeOrNull()));
        }

        boolean covers(String schemaUrn, AttributeDefinition definition) {
            return urn.equalsIgnoreCase(schemaUrn)
                    && (attribute == null || (sub == null && attribute.name().equalsIgnoreCase(definition.name())));
        }

        boolean coversSubOf(String schemaUrn, AttributeDefinition definition) {
            return urn.equalsIgnoreCase(schemaUrn) && attribute != null && sub != null
                    && attribute.name().equalsIgnoreCase(definition.name());
        }

        boolean coversSub(String schemaUrn, AttributeDefinition definition, AttributeDefinition subDefinition) {
            return coversSubOf(schemaUrn, definition) && sub.name().equalsIgnoreCase(subDefinition.name());
        }
    }

    /** The parsed parameters: {@code inclusive} when {@code attributes} is given, else exclusions (maybe none). */
    private record Request(boolean inclusive, List<Name> names) {

        static Request of(ResourceTypeDefinition type, List<String> attributes, List<String> excludedAttributes) {
            List<String> listed = flatten(attributes);
            boolean inclusive = !listed.isEmpty();
            List<Name> names = new ArrayList<>();
            for (String raw : inclusive ? listed : flatten(excludedAttributes)) {
                Name.parse(type, raw).ifPresent(names::add);
            }
            return new Request(inclusive, List.copyOf(names));
        }

        private static List<String> flatten(List<String> values) {
            List<String> names = new ArrayList<>();
            if (values != null) {
                for (String value : values) {
                    names.addAll(parseList(value));
                }
            }
            return names;
        }

        /** Whether the attribute (some part of it, for a complex one) is in the response. */
        boolean keeps(String urn, AttributeDefinition attribute) {
            return switch (attribute.returned()) {
                case NEVER -> false;
                case ALWAYS -> true;
                default -> {
                    if (inclusive) {
                        yield attribute == ScimSchemas.META || covers(urn, attribute) || coversSubOf(urn, attribute);
                    }
                    yield attribute.returned() != Returned.REQUEST && !covers(urn, attribute);
                }
            };
        }

        /** Whether a sub-attribute of a kept attribute is in the response; {@code sub} null for an unknown key. */
        boolean keepsSub(String urn, AttributeDefinition attribute, AttributeDefinition sub) {
            Returned returned = sub == null ? Returned.DEFAULT : sub.returned();
            if (returned == Returned.NEVER) {
                return false;
            }
            if (returned == Returned.ALWAYS) {
                return true;
            }
            boolean named = sub != null && names.stream().anyMatch(name -> name.coversSub(urn, attribute, sub));
            if (inclusive) {
                boolean whole = attribute.returned() == Returned.ALWAYS || attribute == ScimSchemas.META
                        ? returned == Returned.DEFAULT
                        : covers(urn, attribute);
                return whole || named;
            }
            return returned != Returned.REQUEST && (attribute.returned() == Returned.ALWAYS || !named);
        }

        private boolean covers(String urn, AttributeDefinition attribute) {
            return names.stream().anyMatch(name -> name.covers(urn, attribute));
        }

        private boolean coversSubOf(String urn, AttributeDefinition attribute) {
            return names.stream().anyMatch(name -> name.coversSubOf(urn, attribute));
        }
    }
}
