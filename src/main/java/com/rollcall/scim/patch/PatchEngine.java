package com.rollcall.scim.patch;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.FilterEvaluator;
import com.rollcall.scim.filter.FilterVisitor;
import com.rollcall.scim.filter.Literal;
import com.rollcall.scim.filter.Operator;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.quirks.BooleanStrings;
import com.rollcall.scim.quirks.IgnoredRoles;
import com.rollcall.scim.quirks.ListedValueRemoval;
import com.rollcall.scim.quirks.ManagerValues;
import com.rollcall.scim.quirks.PathKeyedValues;
import com.rollcall.scim.quirks.TypedValueCreation;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.AttributeType;
import com.rollcall.scim.schema.Mutability;
import com.rollcall.scim.schema.ResolvedAttribute;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import com.rollcall.scim.schema.JsonAttributes;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a SCIM resource held as immutable JSON, for one resource
 * type, and returns the patched resource as a new object. The input is never changed and any failing
 * operation throws a {@link ScimException} before anything is returned: all or nothing by construction.
 * When nothing changes, the very input object is returned.
 *
 * <h2>Targets</h2>
 * Attribute and sub-attribute names and schema URNs are matched ignoring case; the output uses the
 * schema's canonical names. Extension attributes live in the object keyed by the extension URN (created
 * when needed, dropped with its URN from {@code schemas} when it becomes empty; its URN is added to
 * {@code schemas} when it appears). A path that is only a schema URN of the resource type targets the
 * whole extension object (or, for the core schema, the resource). A path-less operation applies each key of
 * its value object as if it were the path of its own operation; keys may be attribute paths (ENTRA.md
 * Q4, {@link PathKeyedValues}).
 *
 * <h2>Semantics (RFC 7644 §3.5.2.1–3)</h2>
 * <ul>
 * <li><b>add</b>: a single-valued attribute is set (so {@code add} replaces it); a singular complex
 *     attribute gets the given sub-attributes merged in; a multi-valued attribute gets the given values
 *     appended, a value equal to an existing one (same {@code value}, and same {@code type} when both have
 *     one; for values without {@code value}, equal JSON) being merged into it instead of duplicated.</li>
 * <li><b>replace</b>: a single-valued attribute is set; a singular complex attribute gets the given
 *     sub-attributes replaced, the others left unchanged; a multi-valued attribute without filter gets all
 *     its values replaced; with a value filter, the matching values (or their sub-attribute) are replaced,
 *     and no match is {@code 400 noTarget} (but see Q5).</li>
 * <li><b>remove</b>: a single-valued attribute or sub-attribute is removed; a multi-valued attribute
 *     without filter loses all its values, with a filter the matching values (or their sub-attribute), and
 *     a filter that matches nothing is {@code 400 noTarget} (RFC 7644 Table 9). A {@code remove} with a
 *     value on a multi-valued attribute removes the values listed (ENTRA.md Q3,
 *     {@link ListedValueRemoval}); values not present are ignored. Removing an absent attribute is a
 *     no-op; removing a required attribute ({@code userName}, a group's {@code displayName}) is
 *     {@code 400 invalidValue}.</li>
 * <li><b>Explicit JSON {@code null}</b> as the value of an {@code add} or {@code replace} (or of a key of a
 *     path-less value object, or of a sub-attribute of a singular complex value) makes the attribute
 *     unassigned, i.e. removes it (RFC 7643 §2.5: null and unassigned are the same state). An {@code add}
 *     of {@code null} to a multi-valued attribute, or to the values a filter selects, adds nothing. Inside the values of a multi-valued
 *     attribute, null sub-attributes such as {@code "$ref": null} are ignored (ENTRA.md Q8).</li>
 * <li><b>primary</b>: when an operation makes a value {@code primary}, {@code primary} is removed from the
 *     other values of that attribute; an operation that makes two values primary is
 *     {@code 400 invalidValue}.</li>
 * </ul>
 *
 * <h2>Mutability, types and unknown attributes</h2>
 * <ul>
 * <li>An operation that would change a {@code readOnly} attribute ({@code id}, {@code meta},
 *     {@code groups}, ...) or a targeted {@code readOnly} sub-attribute is {@code 400 mutability}; one that
 *     leaves it as it is (e.g. replacing {@code id} with the same id) is a no-op. {@code immutable}
 *     attributes and targeted sub-attributes (a member's {@code value}) may only be set while they have no
 *     value. {@code readOnly} sub-attributes inside the values of a writable attribute (a member's
 *     {@code display}) are ignored. {@code writeOnly} attributes ({@code password}) are accepted and
 *     ignored: Rollcall never stores them.</li>
 * <li>Values are checked against the attribute type: a boolean attribute takes {@code true}/{@code false}
 *     or, ENTRA.md Q2, {@code "True"}/{@code "False"} in any case; a string attribute takes a string (a
 *     number is taken as its text); a complex attribute takes an object; anything else is
 *     {@code 400 invalidValue}.</li>
 * <li>A {@code path} naming an attribute or sub-attribute that the resource type does not have is
 *     {@code 400 invalidPath}. ENTRA.md Q8: a path qualified with a schema URN that Rollcall does not know
 *     at all is ignored, and so are unknown keys (and unknown URN keys) inside value objects. ENTRA.md Q7:
 *     anything about {@code roles} is ignored ({@link IgnoredRoles}).</li>
 * <li>ENTRA.md Q5 ({@link TypedValueCreation}): {@code add}/{@code replace} on
 *     {@code attr[type eq "t"](.sub)} that matches nothing creates the value with that type.</li>
 * <li>ENTRA.md Q6 ({@link ManagerValues}): the enterprise {@code manager} is stored as
 *     {@code {"value": id}} whatever form it came in.</li>
 * </ul>
 * Value filters are evaluated by {@link FilterEvaluator#matchesValue} with the schema's case exactness;
 * a filter on a sub-attribute the attribute does not have is {@code 400 invalidFilter}.
 */
public final class PatchEngine {
    private static final String VALUE = "value";
    private static final String TYPE = "type";
    private static final String PRIMARY = "primary";
    private static final String SCHEMAS = "schemas";

    private final ResourceTypeDefinition type;
    private final FilterEvaluator evaluator;

    public PatchEngine(ResourceTypeDefinition type) {
        this.type = Objects.requireNonNull(type, "type");
        this.evaluator = new FilterEvaluator(path ->
                ScimSchemas.isCaseExact(type, path.schemaUrn(), path.name(), path.subAttribute()));
    }

    public ResourceTypeDefinition resourceType() {
        return type;
    }

    /**
     * The resource with the operations applied in order; the input itself when nothing changes.
     *
     * @throws ScimException {@code 400} with scimType {@code invalidPath}, {@code invalidFilter},
     *                       {@code invalidValue}, {@code noTarget} or {@code mutability}, naming the operation
     */
    public JsonObject apply(JsonObject resource, List<PatchOperation> operations) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operations, "operations");
        Working working = new Working(resource);
        int number = 0;
        for (PatchOperation operation : operations) {
            number++;
            try {
                working.apply(operation);
            } catch (ScimException e) {
                throw new ScimException(e.status(), e.type(), "Operation " + number + ": " + e.detail());
            }
        }
        JsonObject result = working.finish();
        return result.equals(resource) ? resource : result;
    }

    /** A resolved target: the attribute (in which schema), an optional sub-attribute, value filter and sub-attribute after it. */
    private record Target(String schemaUrn, AttributeDefinition attribute, AttributeDefinition subAttribute,
                          Filter filter, AttributeDefinition filterSubAttribute, String text) {

        boolean isManager() {
            return schemaUrn.equalsIgnoreCase(Urns.ENTERPRISE_USER) && attribute.name().equals("manager");
        }
    }

    /** One value of a multi-valued attribute while an operation works on it. */
    private static final class Element {
        JsonValue value;
        boolean touched;

        Element(JsonValue value, boolean touched) {
            this.value = value;
            this.touched = touched;
        }
    }

    /** The resource being patched: replaced, never mutated, by each step. */
    private final class Working {
        private JsonObject resource;
        private final Set<String> touchedExtensions = new LinkedHashSet<>();

        Working(JsonObject resource) {
            this.resource = resource;
        }

        void apply(PatchOperation operation) {
            if (operation.path() == null) {
                if (operation.op() == PatchOperation.Op.REMOVE) {
                    throw ScimException.noTarget("'remove' needs a 'path'.");
                }
                applyPathless(operation.op(), objectValue(operation.value(), "without a 'path'"));
            } else {
                applyPath(operation.op(), operation.path(), operation.value(), true);
            }
        }

        private JsonObject objectValue(JsonValue value, String where) {
            if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ScimException.invalidValue("An operation " + where + " needs a JSON object 'value' of attributes.");
            }
            return value.asJsonObject();
        }

        /** Each key of the value object is the path of an operation of its own (Q4); unknown keys are ignored (Q8). */
        private void applyPathless(PatchOperation.Op op, JsonObject value) {
            for (PathKeyedValues.Entry entry : PathKeyedValues.split(value, type::hasSchema)) {
                PatchPath path;
                try {
                    path = PatchPathParser.parse(entry.path());
                } catch (ScimException notAPath) {
                    if (entry.path().indexOf('[') >= 0) {
                        throw notAPath;
                    }
                    continue;
                }
                applyPath(op, path, entry.value(), false);
            }
        }

        /**
         * @param explicit true for the {@code path} of an operation (unknown attributes are errors), false for
         *                 a key of a value object (unknown attributes are ignored, ENTRA.md Q8)
         */
        private void applyPath(PatchOperation.Op op, PatchPath path, JsonValue value, boolean explicit) {
            AttributePath attribute = path.attribute();
            String wholeSchema = wholeSchemaUrn(path);
            if (wholeSchema != null) {
                applyWholeSchema(op, wholeSchema, value);
                return;
            }
            if (attribute.schemaUrn() != null && ScimSchemas.schema(attribute.schemaUrn()).isEmpty()) {
                return;
            }
            if (IgnoredRoles.isRoles(attribute.name())) {
                return;
            }
            Optional<ResolvedAttribute> found = ScimSchemas.locate(type, attribute.schemaUrn(), attribute.name(), null);
            if (found.isEmpty()) {
                if (explicit) {
                    throw ScimException.invalidPath("'" + attribute + "' is not an attribute of " + type.name()
                            + " resources.");
                }
                return;
            }
            AttributeDefinition definition = found.get().attribute();
            AttributeDefinition sub = null;
            if (attribute.subAttribute() != null) {
                sub = definition.subAttribute(attribute.subAttribute()).orElse(null);
                if (sub == null) {
                    if (explicit) {
                        throw ScimException.invalidPath("'" + attribute + "' is not an attribute of " + type.name()
                                + " resources: '" + definition.name() + "' has no sub-attribute '"
                                + attribute.subAttribute() + "'.");
                    }
                    return;
                }
            }
            AttributeDefinition filterSub = null;
            if (path.valueFilter() != null) {
                if (!definition.multiValued() || !definition.isComplex()) {
                    throw ScimException.invalidPath("'" + path + "': a value filter needs a multi-valued complex "
                            + "attribute, and '" + definition.name() + "' is not one.");
                }
                checkFilter(definition, path.valueFilter(), path);
                if (path.subAttribute() != null) {
                    filterSub = definition.subAttribute(path.subAttribute()).orElseThrow(() ->
                            ScimException.invalidPath("'" + path + "': '" + definition.name()
                                    + "' has no sub-attribute '" + path.subAttribute() + "'."));
                }
            }
            if (definition.mutability() == Mutability.WRITE_ONLY) {
                return;
            }
            apply(op, new Target(found.get().schemaUrn(), definition, sub, path.valueFilter(), filterSub,
                    path.toString()), value);
        }

        /** The canonical URN when the path is exactly a schema URN of the resource type (parsed as urn-prefix:lastSegment). */
        private String wholeSchemaUrn(PatchPath path) {
            AttributePath attribute = path.attribute();
            if (attribute.schemaUrn() == null || attribute.subAttribute() != null || path.valueFilter() != null) {
                return null;
            }
            String urn = attribute.schemaUrn() + ":" + attribute.name();
            for (String known : type.schemaUrns()) {
                if (known.equalsIgnoreCase(urn)) {
                    return known;
                }
            }
            return null;
        }

        private void applyWholeSchema(PatchOperation.Op op, String urn, JsonValue value) {
            boolean core = urn.equalsIgnoreCase(type.schema());
            boolean clear = op == PatchOperation.Op.REMOVE || value == null
                    || value.getValueType() == JsonValue.ValueType.NULL;
            if (core) {
                if (clear) {
                    throw ScimException.invalidPath("The core schema '" + urn + "' of a resource cannot be removed.");
                }
                applyPathless(op, objectValue(value, "on '" + urn + "'"));
                return;
            }
            if (clear) {
                writeContainer(urn, JsonValue.EMPTY_JSON_OBJECT);
                return;
            }
            for (Map.Entry<String, JsonValue> member : objectValue(value, "on '" + urn + "'").entrySet()) {
                PatchPath path;
                try {
                    path = PatchPathParser.parse(urn + ":" + member.getKey());
                } catch (ScimException notAPath) {
                    continue;
                }
                applyPath(op, path, member.getValue(), false);
            }
        }

        private void apply(PatchOperation.Op op, Target target, JsonValue value) {
            AttributeDefinition attribute = target.attribute();
            JsonObject container = container(target.schemaUrn());
            JsonValue current = member(container, attribute.name());
            JsonValue next = attribute.multiValued()
                    ? multiValued(op, target, current, value)
                    : singular(op, target, current, value);
            if (!Objects.equals(current, next)) {
                if (attribute.mutability() == Mutability.READ_ONLY) {
                    throw ScimException.mutability("'" + attribute.name() + "' is readOnly.");
                }
                if (attribute.mutability() == Mutability.IMMUTABLE && current != null) {
                    throw ScimException.mutability("'" + attribute.name() + "' is immutable and already has a value.");
                }
                if (attribute.required() && next == null) {
                    throw ScimException.invalidValue("'" + attribute.name() + "' is required and cannot be removed.");
                }
                writeContainer(target.schemaUrn(), put(container, attribute.name(), next));
            }
        }

        // ---- singular attributes ------------------------------------------------------------------

        private JsonValue singular(PatchOperation.Op op, Target target, JsonValue current, JsonValue value) {
            AttributeDefinition attribute = target.attribute();
            boolean unassign = op == PatchOperation.Op.REMOVE || isNull(value);
            if (target.subAttribute() == null) {
                if (unassign) {
                    return null;
                }
                if (target.isManager()) {
                    return sameManager(current, manager(value));
                }
                if (attribute.isComplex()) {
                    JsonObject given = coerceObject(attribute, value, true);
                    return emptyToNull(merge(asObject(current), given));
                }
                return coerceSimple(attribute, value, attribute.name());
            }
            AttributeDefinition sub = target.subAttribute();
            JsonObject object = asObject(current);
            if (target.isManager() && sub.name().equals(VALUE)) {
                return unassign ? null : sameManager(current, manager(value));
            }
            JsonValue subValue = unassign ? null : coerceSimple(sub, value, attribute.name() + "." + sub.name());
            checkSubChange(attribute, sub, member(object, sub.name()), subValue);
            return emptyToNull(put(object, sub.name(), subValue));
        }

        /** The current manager when it has the same id (keeping its derived members: a no-op), else the new one. */
        private JsonValue sameManager(JsonValue current, JsonValue manager) {
            if (manager != null && current != null && current.getValueType() == JsonValue.ValueType.OBJECT
                    && Objects.equals(member(current.asJsonObject(), VALUE), member(manager.asJsonObject(), VALUE))) {
                return current;
            }
            return manager;
        }

        private JsonValue manager(JsonValue value) {
            JsonValue manager = ManagerValues.normalise(value).orElseThrow(() -> ScimException.invalidValue(
                    "'manager' must be the manager's id, {\"value\": id} or [{\"value\": id}]."));
            return isNull(manager) ? null : manager;
        }

        // ---- multi-valued attributes --------------------------------------------------------------

        private JsonValue multiValued(PatchOperation.Op op, Target target, JsonValue current, JsonValue value) {
            AttributeDefinition attribute = target.attribute();
            List<Element> elements = new ArrayList<>();
            if (current != null) {
                if (current.getValueType() == JsonValue.ValueType.ARRAY) {
                    current.asJsonArray().forEach(element -> elements.add(new Element(element, false)));
                } else {
                    elements.add(new Element(current, false));
                }
            }
            if (target.filter() != null) {
                filtered(op, target, elements, value);
            } else if (target.subAttribute() != null) {
                everySubAttribute(op, target, elements, value);
            } else {
                whole(op, attribute, elements, value);
            }
            elements.removeIf(element -> element.value == null
                    || (element.value.getValueType() == JsonValue.ValueType.OBJECT && element.value.asJsonObject().isEmpty()));
            onePrimary(attribute, elements);
            if (elements.isEmpty()) {
                return null;
            }
            JsonArrayBuilder array = ScimJson.array();
            elements.forEach(element -> array.add(element.value));
            JsonValue next = array.build();
            return next.equals(current) ? current : next;
        }

        /** {@code emails}: add, replace or remove values of the attribute as a whole. */
        private void whole(PatchOperation.Op op, AttributeDefinition attribute, List<Element> elements, JsonValue value) {
            switch (op) {
                case REMOVE -> {
                    if (!ListedValueRemoval.listsValues(value)) {
                        elements.clear();
                        return;
                    }
                    for (JsonValue listed : ListedValueRemoval.listed(value)) {
                        JsonValue unwanted = listedElement(attribute, listed);
                        elements.removeIf(element -> sameValue(attribute, element.value, unwanted));
                    }
                }
                case REPLACE -> {
                    elements.clear();
                    if (!isNull(value)) {
                        coerceElements(attribute, value).forEach(element -> elements.add(new Element(element, true)));
                    }
                }
                case ADD -> {
                    if (isNull(value)) {
                        return;
                    }
                    for (JsonValue added : coerceElements(attribute, value)) {
                        Element same = elements.stream().filter(e -> sameValue(attribute, e.value, added)).findFirst().orElse(null);
                        if (same == null) {
                            elements.add(new Element(added, true));
                        } else {
                            same.value = attribute.isComplex() ? merge(same.value.asJsonObject(), added.asJsonObject()) : added;
                            same.touched = true;
                        }
                    }
                }
                default -> throw new IllegalStateException(op.name());
            }
        }

        /** {@code emails.value} without a filter: the sub-attribute of every value. */
        private void everySubAttribute(PatchOperation.Op op, Target target, List<Element> elements, JsonValue value) {
            AttributeDefinition sub = target.subAttribute();
            boolean unassign = op == PatchOperation.Op.REMOVE || isNull(value);
            if (elements.isEmpty()) {
                if (unassign) {
                    return;
                }
                throw ScimException.noTarget("'" + target.text() + "': '" + target.attribute().name()
                        + "' has no values to set '" + sub.name() + "' on.");
            }
            JsonValue subValue = unassign ? null : coerceSimple(sub, value, target.text());
            for (Element element : elements) {
                setSub(target.attribute(), sub, element, subValue);
            }
        }

        /** {@code emails[type eq "work"]} or {@code emails[type eq "work"].value}. */
        private void filtered(PatchOperation.Op op, Target target, List<Element> elements, JsonValue value) {
            AttributeDefinition attribute = target.attribute();
            AttributePath base = new AttributePath(target.schemaUrn(), attribute.name(), null);
            List<Element> matched = elements.stream()
                    .filter(element -> evaluator.matchesValue(base, target.filter(), element.value))
                    .toList();
            boolean unassign = op == PatchOperation.Op.REMOVE || isNull(value);
            if (matched.isEmpty()) {
                if (op == PatchOperation.Op.REMOVE) {
                    throw ScimException.noTarget("No value of '" + attribute.name() + "' matches '" + target.text() + "'.");
                }
                if (unassign) {
                    return;
                }
                String typeValue = typeEquality(attribute, target.filter());
                if (typeValue == null) {
                    throw ScimException.noTarget("No value of '" + attribute.name() + "' matches '" + target.text() + "'.");
                }
                AttributeDefinition sub = target.filterSubAttribute();
                if (sub != null) {
                    checkSubChange(attribute, sub, null, value);
                }
                JsonObject created = TypedValueCreation.newElement(typeValue, sub == null ? null : sub.name(), value)
                        .orElseThrow(() -> ScimException.invalidValue("'" + target.text() + "' needs a JSON object value."));
                elements.add(new Element(coerceObject(attribute, created, false), true));
                return;
            }
            AttributeDefinition sub = target.filterSubAttribute();
            if (sub == null) {
                if (op == PatchOperation.Op.ADD && isNull(value)) {
                    return;
                }
                if (unassign) {
                    elements.removeAll(matched);
                    return;
                }
                JsonObject given = coerceObject(attribute, value, op == PatchOperation.Op.ADD);
                for (Element element : matched) {
                    element.value = op == PatchOperation.Op.ADD ? merge(element.value.asJsonObject(), given) : given;
                    element.touched = true;
                }
                return;
            }
            JsonValue subValue = unassign ? null : coerceSimple(sub, value, target.text());
            for (Element element : matched) {
                setSub(attribute, sub, element, subValue);
            }
        }

        private void setSub(AttributeDefinition attribute, AttributeDefinition sub, Element element, JsonValue subValue) {
            JsonObject object = asObject(element.value);
            checkSubChange(attribute, sub, member(object, sub.name()), subValue);
            JsonObject next = put(object, sub.name(), subValue);
            if (!next.equals(object)) {
                element.value = next;
                element.touched = true;
            }
        }

        /** The string {@code t} when the filter is exactly {@code type eq "t"} and the attribute has a type (Q5). */
        private String typeEquality(AttributeDefinition attribute, Filter filter) {
            if (attribute.subAttribute(TYPE).isEmpty() || !(filter instanceof Filter.Comparison comparison)) {
                return null;
            }
            AttributePath path = comparison.path();
            if (path.schemaUrn() != null || path.subAttribute() != null || !path.name().equalsIgnoreCase(TYPE)
                    || comparison.operator() != Operator.EQ
                    || !(comparison.value() instanceof Literal.StringLiteral literal)) {
                return null;
            }
            return literal.value();
        }

        /** When an operation made one value primary, the others stop being primary; two new primaries are an error. */
        private void onePrimary(AttributeDefinition attribute, List<Element> elements) {
            if (attribute.subAttribute(PRIMARY).isEmpty()) {
                return;
            }
            List<Element> newPrimaries = elements.stream().filter(e -> e.touched && isPrimary(e.value)).toList();
            if (newPrimaries.size() > 1) {
                throw ScimException.invalidValue("Only one value of '" + attribute.name() + "' may be primary.");
            }
            if (newPrimaries.size() == 1) {
                for (Element element : elements) {
                    if (element != newPrimaries.get(0) && isPrimary(element.value)) {
                        element.value = put(element.value.asJsonObject(), PRIMARY, null);
                    }
                }
            }
        }

        private boolean isPrimary(JsonValue value) {
            JsonValue primary = value.getValueType() == JsonValue.ValueType.OBJECT ? member(value.asJsonObject(), PRIMARY) : null;
            return primary != null && BooleanStrings.coerce(primary).map(JsonValue.TRUE::equals).orElse(false);
        }

        /**
         * Whether two values of a multi-valued attribute are the same value: for complex values with a
         * {@code value}, the same {@code value} (by the schema's case exactness) and the same {@code type} when
         * both have one; otherwise equal JSON.
         */
        private boolean sameValue(AttributeDefinition attribute, JsonValue existing, JsonValue candidate) {
            if (!attribute.isComplex() || existing.getValueType() != JsonValue.ValueType.OBJECT
                    || candidate.getValueType() != JsonValue.ValueType.OBJECT) {
                return existing.equals(candidate);
            }
            JsonObject a = existing.asJsonObject();
            JsonObject b = candidate.asJsonObject();
            JsonValue bValue = member(b, VALUE);
            if (attribute.subAttribute(VALUE).isEmpty() || bValue == null) {
                return a.equals(b);
            }
            boolean caseExact = attribute.subAttribute(VALUE).get().caseExact();
            if (!sameText(member(a, VALUE), bValue, caseExact)) {
                return false;
            }
            JsonValue aType = member(a, TYPE);
            JsonValue bType = member(b, TYPE);
            return aType == null || bType == null || sameText(aType, bType, false);
        }

        private boolean sameText(JsonValue a, JsonValue b, boolean caseExact) {
            if (a == null || b == null) {
                return a == b;
            }
            if (a.getValueType() == JsonValue.ValueType.STRING && b.getValueType() == JsonValue.ValueType.STRING) {
                String x = ((JsonString) a).getString();
                String y = ((JsonString) b).getString();
                return caseExact ? x.equals(y) : x.toLowerCase(Locale.ROOT).equals(y.toLowerCase(Locale.ROOT));
            }
            return a.equals(b);
        }

        /** A value listed for removal (Q3): an element as the attribute holds it; a bare string is taken as its {@code value}. */
        private JsonValue listedElement(AttributeDefinition attribute, JsonValue listed) {
            if (attribute.isComplex() && attribute.subAttribute(VALUE).isPresent()
                    && listed.getValueType() == JsonValue.ValueType.STRING) {
                return ScimJson.object().add(VALUE, listed).build();
            }
            return attribute.isComplex() ? coerceObject(attribute, listed, false)
                    : coerceSimple(attribute, listed, attribute.name());
        }

        // ---- checks -------------------------------------------------------------------------------

        private void checkSubChange(AttributeDefinition attribute, AttributeDefinition sub, JsonValue before, JsonValue after) {
            if (Objects.equals(before, after)) {
                return;
            }
            if (sub.mutability() == Mutability.READ_ONLY) {
                throw ScimException.mutability("'" + attribute.name() + "." + sub.name() + "' is readOnly.");
            }
            if (sub.mutability() == Mutability.IMMUTABLE && before != null) {
                throw ScimException.mutability("'" + attribute.name() + "." + sub.name()
                        + "' is immutable and already has a value.");
            }
        }

        private void checkFilter(AttributeDefinition attribute, Filter filter, PatchPath path) {
            filter.accept(new FilterVisitor<Void>() {
                @Override
                public Void visitComparison(Filter.Comparison comparison) {
                    check(comparison.path());
                    return null;
                }

                @Override
                public Void visitPresent(Filter.Present present) {
                    check(present.path());
                    return null;
                }

                @Override
                public Void visitAnd(Filter.And and) {
                    and.left().accept(this);
                    return and.right().accept(this);
                }

                @Override
                public Void visitOr(Filter.Or or) {
                    or.left().accept(this);
                    return or.right().accept(this);
                }

                @Override
                public Void visitNot(Filter.Not not) {
                    return not.filter().accept(this);
                }

                @Override
                public Void visitValuePath(Filter.ValuePath valuePath) {
                    throw ScimException.invalidFilter("'" + path + "': value filters cannot be nested.");
                }

                private void check(AttributePath relative) {
                    if (relative.schemaUrn() != null || relative.subAttribute() != null
                            || attribute.subAttribute(relative.name()).isEmpty()) {
                        throw ScimException.invalidFilter("'" + path + "': '" + attribute.name()
                                + "' has no sub-attribute '" + relative + "' to filter on.");
                    }
                }
            });
        }

        // ---- values -------------------------------------------------------------------------------

        /** The values given for a multi-valued attribute: an array (a single value is accepted too), nulls skipped. */
        private List<JsonValue> coerceElements(AttributeDefinition attribute, JsonValue value) {
            List<JsonValue> given = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
            List<JsonValue> elements = new ArrayList<>();
            for (JsonValue element : given) {
                if (isNull(element)) {
                    continue;
                }
                JsonValue coerced = attribute.isComplex() ? coerceObject(attribute, element, false)
                        : coerceSimple(attribute, element, attribute.name());
                if (!(coerced instanceof JsonObject object && object.isEmpty())) {
                    elements.add(coerced);
                }
            }
            return elements;
        }

        /**
         * A complex value with canonical sub-attribute names and checked types. Unknown sub-attributes are
         * ignored (Q8), and so are readOnly ones unless the attribute itself is readOnly (then any change is a
         * mutability error). Null sub-attributes are kept as {@link JsonValue#NULL} ("remove it" in a merge)
         * when {@code keepNulls}, dropped otherwise.
         */
        private JsonObject coerceObject(AttributeDefinition attribute, JsonValue value, boolean keepNulls) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ScimException.invalidValue("Each value of '" + attribute.name() + "' must be a JSON object.");
            }
            JsonObjectBuilder object = ScimJson.object();
            for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                Optional<AttributeDefinition> sub = attribute.subAttribute(member.getKey());
                if (sub.isEmpty() || (sub.get().mutability() == Mutability.READ_ONLY
                        && attribute.mutability() != Mutability.READ_ONLY)) {
                    continue;
                }
                if (isNull(member.getValue())) {
                    if (keepNulls) {
                        object.add(sub.get().name(), JsonValue.NULL);
                    }
                    continue;
                }
                object.add(sub.get().name(), coerceSimple(sub.get(), member.getValue(),
                        attribute.name() + "." + sub.get().name()));
            }
            return object.build();
        }

        private JsonValue coerceSimple(AttributeDefinition attribute, JsonValue value, String name) {
            AttributeType valueType = attribute.type();
            return switch (valueType) {
                case BOOLEAN -> BooleanStrings.coerce(value).orElseThrow(() ->
                        ScimException.invalidValue("'" + name + "' must be a boolean (true or false)."));
                case STRING, REFERENCE, DATE_TIME, BINARY -> switch (value.getValueType()) {
                    case STRING -> value;
                    case NUMBER -> ScimJson.PROVIDER.createValue(((JsonNumber) value).toString());
                    default -> throw ScimException.invalidValue("'" + name + "' must be a string.");
                };
                case INTEGER -> {
                    if (value.getValueType() == JsonValue.ValueType.NUMBER && ((JsonNumber) value).isIntegral()) {
                        yield value;
                    }
                    throw ScimException.invalidValue("'" + name + "' must be an integer.");
                }
                case DECIMAL -> {
                    if (value.getValueType() == JsonValue.ValueType.NUMBER) {
                        yield value;
                    }
                    throw ScimException.invalidValue("'" + name + "' must be a number.");
                }
                case COMPLEX -> throw ScimException.invalidValue("'" + name + "' must be a JSON object.");
            };
        }

        // ---- containers ---------------------------------------------------------------------------

        private JsonObject container(String schemaUrn) {
            if (schemaUrn.equalsIgnoreCase(type.schema())) {
                return resource;
            }
            return asObject(member(resource, schemaUrn));
        }

        private void writeContainer(String schemaUrn, JsonObject container) {
            if (schemaUrn.equalsIgnoreCase(type.schema())) {
                resource = container;
            } else {
                resource = put(resource, canonicalUrn(schemaUrn), container);
                touchedExtensions.add(canonicalUrn(schemaUrn));
            }
        }

        private String canonicalUrn(String urn) {
            return type.schemaUrns().stream().filter(urn::equalsIgnoreCase).findFirst().orElse(urn);
        }

        /** Drops extension objects left empty and keeps {@code schemas} in step with the extensions present. */
        JsonObject finish() {
            JsonObject result = resource;
            for (String urn : touchedExtensions) {
                JsonValue extension = member(result, urn);
                boolean present = extension != null && !asObject(extension).isEmpty();
                if (!present) {
                    result = put(result, urn, null);
                }
                JsonValue schemas = member(result, SCHEMAS);
                if (schemas == null || schemas.getValueType() != JsonValue.ValueType.ARRAY) {
                    continue;
                }
                boolean listed = schemas.asJsonArray().stream().anyMatch(s -> s.getValueType() == JsonValue.ValueType.STRING
                        && ((JsonString) s).getString().equalsIgnoreCase(urn));
                if (present && !listed) {
                    result = put(result, SCHEMAS, ScimJson.array(schemas.asJsonArray()).add(urn).build());
                } else if (!present && listed) {
                    JsonArrayBuilder kept = ScimJson.array();
                    schemas.asJsonArray().stream().filter(s -> !(s.getValueType() == JsonValue.ValueType.STRING
                            && ((JsonString) s).getString().equalsIgnoreCase(urn))).forEach(kept::add);
                    result = put(result, SCHEMAS, kept.build());
                }
            }
            return result;
        }
    }

    // ---- JSON helpers (immutable: each returns a new object) ------------------------------------

    private static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    /** The member whose name equals {@code name} ignoring case; null when absent or JSON null. */
    private static JsonValue member(JsonObject object, String name) {
        return JsonAttributes.get(object, name).orElse(null);
    }

    private static JsonObject asObject(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonObject emptyToNull(JsonObject object) {
        return object.isEmpty() ? null : object;
    }

    /**
     * {@code object} with the member named {@code name} (ignoring case; written with the canonical
     * {@code name}, in place) set to {@code value}, or removed when {@code value} is null.
     */
    private static JsonObject put(JsonObject object, String name, JsonValue value) {
        JsonObjectBuilder builder = ScimJson.object();
        boolean found = false;
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                if (!found && value != null) {
                    builder.add(name, value);
                }
                found = true;
            } else {
                builder.add(entry.getKey(), entry.getValue());
            }
        }
        if (!found && value != null) {
            builder.add(name, value);
        }
        return builder.build();
    }

    /** {@code given}'s members set on {@code object}; a {@link JsonValue#NULL} member removes that member. */
    private static JsonObject merge(JsonObject object, JsonObject given) {
        JsonObject result = object;
        for (Map.Entry<String, JsonValue> member : given.entrySet()) {
            result = put(result, member.getKey(), isNull(member.getValue()) ? null : member.getValue());
        }
        return result;
    }
}
