package com.rollcall.scim.patch;

import com.rollcall.scim.json.BoundedNumbers;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.SchemaDefinition;
import com.rollcall.testing.fuzz.Fuzz;
import com.rollcall.testing.fuzz.Fuzz.Violation;
import com.rollcall.testing.fuzz.Patches;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Properties of the PATCH kernel on generated requests of every shape (see {@link Fuzz} for seeds and
 * reproduction), run as the services run it ({@link BoundedNumbers}, {@link PatchRequest}, for groups
 * {@link MembershipPatch}, then {@link PatchEngine}):
 * <ul>
 * <li>a PATCH is applied or refused with {@code 400} and a scimType RFC 7644 gives PATCH (invalidSyntax,
 *     invalidPath, invalidFilter, invalidValue, noTarget, mutability), never another exception;</li>
 * <li>the input is never changed, and an applied PATCH gives a resource that fits the schema: canonical names once
 *     each, values of the attribute's type, no nulls or empty values, at most one {@code primary}, read-only
 *     attributes and the required one as they were, extensions listed in {@code schemas} exactly when present;</li>
 * <li>all or nothing: a PATCH acts as its operations applied one after another, and a refused PATCH fails, as a
 *     whole, with the error of the first operation that fails that way and names it;</li>
 * <li>idempotent where RFC 7644 §3.5.2 says so: one operation without a value filter applied to its own result
 *     changes nothing (replace twice = once, add of a value present is a no-op, remove of an absent one too), and a
 *     PATCH that changes nothing returns its very input.</li>
 * </ul>
 */
class PatchEnginePropertyTest {
    private static final ScimErrorType[] PATCH_REFUSALS = {ScimErrorType.INVALID_SYNTAX, ScimErrorType.INVALID_PATH,
            ScimErrorType.INVALID_FILTER, ScimErrorType.INVALID_VALUE, ScimErrorType.NO_TARGET, ScimErrorType.MUTABILITY};
    private static final List<String> IDS = List.of(PatchFixtures.MANAGER_ID, PatchFixtures.BABS_ID, PatchFixtures.MANDY_ID,
            "unknown-id");
    private static final JsonObject GROUP_WITHOUT_MEMBERS = JsonEdits.put(PatchFixtures.TOUR_GUIDES, "members", null);

    /** A resource of a type and a PATCH body for it. */
    record Case(String fixture, ResourceTypeDefinition type, JsonObject resource, JsonObject body) {
        Case with(JsonObject smallerBody) {
            return new Case(fixture, type, resource, smallerBody);
        }

        @Override
        public String toString() {
            return "PATCH " + fixture + " " + body;
        }
    }

    /** A resource of every fixture kind with a body of every shape ({@code operations} 0) or of well-formed operations. */
    private static Case generate(Random random, int operations) {
        int fixture = random.nextInt(4);
        ResourceTypeDefinition type = fixture < 2 ? ScimSchemas.USER_RESOURCE_TYPE : ScimSchemas.GROUP_RESOURCE_TYPE;
        JsonObject body = operations == 0 ? Patches.body(random, type, IDS)
                : Patches.wellFormedBody(random, type, IDS, 1 + random.nextInt(operations));
        return switch (fixture) {
            case 0 -> new Case("BJENSEN", type, PatchFixtures.BJENSEN, body);
            case 1 -> new Case("NEWCOMER", type, PatchFixtures.NEWCOMER, body);
            case 2 -> new Case("TOUR_GUIDES", type, PatchFixtures.TOUR_GUIDES, body);
            default -> new Case("TOUR_GUIDES without members", type, GROUP_WITHOUT_MEMBERS, body);
        };
    }

    private static Stream<Case> smaller(Case c) {
        return Patches.smaller(c.body()).filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
                .map(value -> c.with(value.asJsonObject()));
    }

    private static Fuzz.Property<Case> property(String name, int operations) {
        return Fuzz.property(name, random -> generate(random, operations)).shrink(PatchEnginePropertyTest::smaller);
    }

    @Test
    void aPatchIsAppliedOrRefusedWithAPatchScimTypeAndTheResultFitsTheSchema() {
        property("a PATCH is applied and fits the schema, or refused as PATCH errors are", 0).tries(4_000).check(c -> {
            String before = c.resource().toString();
            JsonObject result;
            try {
                List<PatchOperation> operations = operations(c);
                if (c.type() == ScimSchemas.GROUP_RESOURCE_TYPE && c.resource() == GROUP_WITHOUT_MEMBERS) {
                    MembershipPatch.Plan plan = MembershipPatch.plan(operations);
                    plannedSteps(plan);
                    operations = plan.otherOperations();
                }
                result = new PatchEngine(c.type()).apply(c.resource(), operations);
            } catch (ScimException refused) {
                Fuzz.assertRefusal(refused, PATCH_REFUSALS);
                unchanged(before, c.resource());
                return;
            }
            unchanged(before, c.resource());
            if (result.equals(c.resource()) && result != c.resource()) {
                throw new Violation("no change, new object", "a PATCH that changes nothing must return its input");
            }
            fitsTheSchema(c.type(), c.resource(), result);
        });
    }

    @Test
    void aPatchActsAsItsOperationsOneAfterAnotherAndFailsWhereTheFirstOfThemFails() {
        property("a PATCH acts as its operations one after another", 6).tries(3_000).check(c -> {
            List<PatchOperation> operations = usable(() -> operations(c));
            PatchEngine engine = new PatchEngine(c.type());
            Outcome whole = Outcome.of(() -> engine.apply(c.resource(), operations));
            JsonObject current = c.resource();
            for (int number = 1; number <= operations.size(); number++) {
                JsonObject from = current;
                PatchOperation operation = operations.get(number - 1);
                Outcome step = Outcome.of(() -> engine.apply(from, List.of(operation)));
                if (step.refusal() != null) {
                    if (!step.refusal().detail().startsWith("Operation 1: ")) {
                        throw new Violation("refusal names no operation", step.refusal().detail());
                    }
                    String expected = "Operation " + number + ": " + step.refusal().detail().substring("Operation 1: ".length());
                    if (whole.refusal() == null || whole.refusal().type() != step.refusal().type()
                            || !whole.refusal().detail().equals(expected)) {
                        throw new Violation("not all or nothing", "one after another, operation " + number + " fails: "
                                + expected + "; the PATCH as a whole: " + whole);
                    }
                    return;
                }
                current = step.result();
            }
            if (whole.refusal() != null || !whole.result().equals(current)) {
                throw new Violation("not its operations in order", "the PATCH gives " + whole + "\n  its operations one "
                        + "after another give " + current);
            }
        });
    }

    @Test
    void anOperationWithoutValueFilterAppliedTwiceChangesNothingMore() {
        property("an operation without value filter is idempotent", 1).tries(4_000).check(c -> {
            List<PatchOperation> operations = usable(() -> operations(c));
            if (operations.size() != 1 || !withoutValueFilter(operations.get(0))) {
                throw Fuzz.discard();
            }
            PatchEngine engine = new PatchEngine(c.type());
            JsonObject once = usable(() -> engine.apply(c.resource(), operations));
            Outcome twice = Outcome.of(() -> engine.apply(once, operations));
            if (twice.refusal() != null || !twice.result().equals(once)) {
                throw new Violation("not idempotent", "once: " + once + "\n  twice: " + twice);
            }
            if (twice.result() != once) {
                throw new Violation("no change, new object", "applied again, the operation changes nothing but returns a "
                        + "new object");
            }
        });
    }

    /** The operations of the body, refused as the services refuse them. */
    private static List<PatchOperation> operations(Case c) {
        BoundedNumbers.requireBounded(c.body());
        return PatchRequest.parse(c.body());
    }

    /** The value, or a discarded case when the kernel refuses the input (another property checks refusals). */
    private static <T> T usable(Supplier<T> step) {
        try {
            return step.get();
        } catch (ScimException refused) {
            throw Fuzz.discard();
        }
    }

    /** A PATCH's result or its refusal. */
    record Outcome(JsonObject result, ScimException refusal) {
        static Outcome of(Supplier<JsonObject> apply) {
            try {
                return new Outcome(apply.get(), null);
            } catch (ScimException refused) {
                return new Outcome(null, refused);
            }
        }

        @Override
        public String toString() {
            return refusal == null ? String.valueOf(result) : "refused " + refusal.type() + ": " + refusal.detail();
        }
    }

    /** One target: a path without filter, or a path-less value of one key that is not a value path. */
    private static boolean withoutValueFilter(PatchOperation operation) {
        if (operation.path() != null) {
            return operation.path().valueFilter() == null;
        }
        JsonObject value = operation.value().asJsonObject();
        return value.size() == 1 && value.keySet().stream().noneMatch(key -> key.contains("["))
                && value.values().stream().noneMatch(v -> v.getValueType() == JsonValue.ValueType.OBJECT
                        && v.asJsonObject().keySet().stream().anyMatch(key -> key.contains("[")));
    }

    private static void plannedSteps(MembershipPatch.Plan plan) {
        for (MembershipPatch.Step step : plan.memberSteps()) {
            List<String> ids = step instanceof MembershipPatch.AddMembers add ? add.ids()
                    : step instanceof MembershipPatch.RemoveMembers remove ? remove.ids()
                    : step instanceof MembershipPatch.ReplaceMembers replace ? replace.ids() : List.of();
            if (ids.stream().anyMatch(String::isBlank) || ids.stream().distinct().count() != ids.size()) {
                throw new Violation("member step", "blank or repeated ids in " + step);
            }
            if (step instanceof MembershipPatch.AddMembers && ids.isEmpty()
                    || step instanceof MembershipPatch.RemoveMembers && ids.isEmpty()) {
                throw new Violation("member step", "an empty step " + step);
            }
        }
    }

    private static void unchanged(String before, JsonObject resource) {
        if (!before.equals(resource.toString())) {
            throw new Violation("input changed", before + " became " + resource);
        }
    }

    // ---- the schema a patched resource must fit ---------------------------------------------------------------

    private static void fitsTheSchema(ResourceTypeDefinition type, JsonObject before, JsonObject after) {
        for (String readOnly : List.of("id", "meta")) {
            if (!java.util.Objects.equals(before.get(readOnly), after.get(readOnly))) {
                throw new Violation("read-only changed", readOnly + ": " + before.get(readOnly) + " -> " + after.get(readOnly));
            }
        }
        String required = type == ScimSchemas.GROUP_RESOURCE_TYPE ? "displayName" : "userName";
        if (!(after.get(required) instanceof JsonString)) {
            throw new Violation("required attribute", required + " is " + after.get(required));
        }
        SchemaDefinition core = ScimSchemas.schema(type.schema()).orElseThrow();
        List<String> listed = after.containsKey("schemas") ? after.getJsonArray("schemas").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).map(s -> s.toLowerCase(Locale.ROOT)).toList() : List.of();
        requireUniqueNames(after, "the resource");
        for (Map.Entry<String, JsonValue> member : after.entrySet()) {
            String key = member.getKey();
            if (key.equals("schemas") || key.equals("id") || key.equals("meta")) {
                continue;
            }
            Optional<String> extension = type.schemaUrns().stream().filter(urn -> !urn.equals(type.schema()))
                    .filter(key::equalsIgnoreCase).findFirst();
            if (extension.isPresent()) {
                if (!key.equals(extension.get())) {
                    throw new Violation("canonical names", "extension key " + key);
                }
                if (member.getValue().getValueType() != JsonValue.ValueType.OBJECT || member.getValue().asJsonObject().isEmpty()) {
                    throw new Violation("empty or wrong extension", key + ": " + member.getValue());
                }
                requireUniqueNames(member.getValue().asJsonObject(), key);
                SchemaDefinition schema = ScimSchemas.schema(key).orElseThrow();
                for (Map.Entry<String, JsonValue> inner : member.getValue().asJsonObject().entrySet()) {
                    attribute(schema.attribute(inner.getKey()), inner.getKey(), inner.getValue(), before.get(key));
                }
                continue;
            }
            attribute(core.attribute(key), key, member.getValue(), before);
        }
        for (String urn : type.schemaUrns()) {
            if (urn.equals(type.schema())) {
                continue;
            }
            boolean present = after.keySet().stream().anyMatch(urn::equalsIgnoreCase);
            if (present != listed.contains(urn.toLowerCase(Locale.ROOT))) {
                throw new Violation("schemas out of step", urn + (present ? " present but not listed: " : " listed but absent: ")
                        + after.get("schemas"));
            }
        }
    }

    /** An attribute the schema knows has its canonical name and a value of its type; an unknown one was there before. */
    private static void attribute(Optional<AttributeDefinition> found, String key, JsonValue value, JsonValue container) {
        if (found.isEmpty()) {
            JsonValue earlier = container instanceof JsonObject object ? object.get(key) : null;
            if (!value.equals(earlier)) {
                throw new Violation("unknown attribute written", key + ": " + value);
            }
            return;
        }
        AttributeDefinition attribute = found.get();
        if (!key.equals(attribute.name())) {
            throw new Violation("canonical names", key + " instead of " + attribute.name());
        }
        if (attribute.multiValued()) {
            if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
                throw new Violation("type", key + " must be a non-empty array: " + value);
            }
            int primaries = 0;
            for (JsonValue element : value.asJsonArray()) {
                single(attribute, key, element);
                if (element instanceof JsonObject object && JsonValue.TRUE.equals(object.get("primary"))) {
                    primaries++;
                }
            }
            if (primaries > 1) {
                throw new Violation("primary", key + " has " + primaries + " primary values: " + value);
            }
        } else {
            single(attribute, key, value);
        }
    }

    private static void single(AttributeDefinition attribute, String key, JsonValue value) {
        if (!attribute.isComplex()) {
            simple(attribute, key, value);
            return;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT || value.asJsonObject().isEmpty()) {
            throw new Violation("type", key + " must be a non-empty object: " + value);
        }
        requireUniqueNames(value.asJsonObject(), key);
        for (Map.Entry<String, JsonValue> sub : value.asJsonObject().entrySet()) {
            Optional<AttributeDefinition> definition = attribute.subAttribute(sub.getKey());
            if (definition.isEmpty()) {
                continue; // unknown sub-attributes of stored values (never of given ones) are left as they are
            }
            if (!sub.getKey().equals(definition.get().name())) {
                throw new Violation("canonical names", key + "." + sub.getKey() + " instead of " + definition.get().name());
            }
            simple(definition.get(), key + "." + sub.getKey(), sub.getValue());
        }
    }

    private static void simple(AttributeDefinition attribute, String key, JsonValue value) {
        boolean fits = switch (attribute.type()) {
            case BOOLEAN -> value == JsonValue.TRUE || value == JsonValue.FALSE
                    || value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE;
            case STRING, REFERENCE, DATE_TIME, BINARY -> value.getValueType() == JsonValue.ValueType.STRING;
            case INTEGER, DECIMAL -> value.getValueType() == JsonValue.ValueType.NUMBER;
            case COMPLEX -> false;
        };
        if (!fits) {
            throw new Violation("type", key + " (" + attribute.type() + ") is " + value);
        }
    }

    private static void requireUniqueNames(JsonObject object, String where) {
        List<String> seen = new ArrayList<>();
        for (String key : object.keySet()) {
            String folded = key.toLowerCase(Locale.ROOT);
            if (seen.contains(folded)) {
                throw new Violation("names twice", where + " has " + key + " twice (ignoring case): " + object);
            }
            seen.add(folded);
        }
    }
}
