package com.rollcall.scim.patch;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.Literal;
import com.rollcall.scim.filter.Operator;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.RequestLimits;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.quirks.EnterpriseUrnTypo;
import com.rollcall.scim.quirks.ListedValueRemoval;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a group PATCH into membership deltas and the rest, so that membership changes never load the
 * member list (ENTRA.md "Scale facts"): the service turns each {@link Step} into O(k) statements and
 * runs the {@linkplain Plan#otherOperations() other operations} through {@link PatchEngine} on the group
 * JSON without members.
 *
 * <table>
 * <caption>Member operations</caption>
 * <tr><th>operation</th><th>step</th></tr>
 * <tr><td>{@code add members [{value}…]}; path-less {@code add {"members":[…]}}</td><td>{@link AddMembers}</td></tr>
 * <tr><td>{@code remove members[value eq "id"]} (RFC form; {@code or} of such comparisons too)</td><td>{@link RemoveMembers}</td></tr>
 * <tr><td>{@code remove members [{value}…]} (ENTRA.md Q3: these members, never all)</td><td>{@link RemoveMembers}</td></tr>
 * <tr><td>{@code remove members} without value and filter</td><td>{@link RemoveAllMembers}</td></tr>
 * <tr><td>{@code replace members […]}; path-less {@code replace {"members":[…]}}; {@code replace members null}</td><td>{@link ReplaceMembers}</td></tr>
 * </table>
 *
 * Every member is an object with a non-blank {@code value} (a number is taken as its text), otherwise
 * {@code 400 invalidValue}; ids are kept in order without repeats. An {@code add} of {@code null} or of an
 * empty array, and a {@code remove} listing no member, give no step. Removing a member that is not in the
 * group is the service's no-op (a delta), unlike {@link PatchEngine}'s RFC {@code noTarget} for a filter that
 * matches nothing. Other member paths ({@code members.value}, {@code members[display eq "x"]},
 * {@code add members[value eq "x"]}) are {@code 400 invalidPath} or {@code invalidFilter}.
 */
public final class MembershipPatch {
    private static final String MEMBERS = "members";

    private MembershipPatch() {
    }

    /** One change of a group's membership. */
    public sealed interface Step permits AddMembers, RemoveMembers, RemoveAllMembers, ReplaceMembers {
    }

    /** Add these members (those already in the group stay as they are). */
    public record AddMembers(List<String> ids) implements Step {
        public AddMembers {
            ids = List.copyOf(ids);
        }
    }

    /** Remove these members (those not in the group are ignored). */
    public record RemoveMembers(List<String> ids) implements Step {
        public RemoveMembers {
            ids = List.copyOf(ids);
        }
    }

    /** Remove every member. */
    public record RemoveAllMembers() implements Step {
    }

    /** Make these the group's only members (none when empty). */
    public record ReplaceMembers(List<String> ids) implements Step {
        public ReplaceMembers {
            ids = List.copyOf(ids);
        }
    }

    /**
     * @param memberSteps     the membership changes, in the order of the operations
     * @param otherOperations the operations on other attributes, in order, for {@link PatchEngine}
     */
    public record Plan(List<Step> memberSteps, List<PatchOperation> otherOperations) {
        public Plan {
            memberSteps = List.copyOf(memberSteps);
            otherOperations = List.copyOf(otherOperations);
        }

        public boolean changesMembers() {
            return !memberSteps.isEmpty();
        }
    }

    /** Splits the operations of a group PATCH; errors name the operation like {@link PatchRequest}'s. */
    public static Plan plan(List<PatchOperation> operations) {
        Objects.requireNonNull(operations, "operations");
        List<Step> steps = new ArrayList<>();
        List<PatchOperation> others = new ArrayList<>();
        int number = 0;
        for (PatchOperation operation : operations) {
            number++;
            try {
                plan(operation, steps, others);
            } catch (ScimException e) {
                throw new ScimException(e.status(), e.type(), "Operation " + number + ": " + e.detail());
            }
        }
        RequestLimits.requireMemberValues(steps.stream().mapToLong(MembershipPatch::values).sum());
        return new Plan(steps, others);
    }

    private static long values(Step step) {
        if (step instanceof AddMembers add) {
            return add.ids().size();
        }
        if (step instanceof RemoveMembers remove) {
            return remove.ids().size();
        }
        return step instanceof ReplaceMembers replace ? replace.ids().size() : 0;
    }

    private static void plan(PatchOperation operation, List<Step> steps, List<PatchOperation> others) {
        PatchPath path = operation.path();
        if (path == null) {
            planPathless(operation, steps, others);
        } else if (isMembers(path.attribute())) {
            memberStep(operation.op(), path, operation.value(), steps);
        } else {
            others.add(operation);
        }
    }

    /** A path-less add/replace: its {@code members} key becomes a step, the other keys stay an operation. */
    private static void planPathless(PatchOperation operation, List<Step> steps, List<PatchOperation> others) {
        JsonValue value = operation.value();
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            others.add(operation);
            return;
        }
        JsonObjectBuilder rest = ScimJson.object();
        boolean restEmpty = true;
        boolean sawMembers = false;
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
            String key = EnterpriseUrnTypo.normalise(member.getKey());
            if (isMembersKey(key)) {
                memberStep(operation.op(), PatchPath.of(AttributePath.of(MEMBERS)), member.getValue(), steps);
                sawMembers = true;
            } else if (key.equalsIgnoreCase(Urns.GROUP) && member.getValue().getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObjectBuilder core = ScimJson.object();
                boolean coreEmpty = true;
                for (Map.Entry<String, JsonValue> inner : member.getValue().asJsonObject().entrySet()) {
                    if (isMembersKey(inner.getKey())) {
                        memberStep(operation.op(), PatchPath.of(AttributePath.of(MEMBERS)), inner.getValue(), steps);
                        sawMembers = true;
                    } else {
                        core.add(inner.getKey(), inner.getValue());
                        coreEmpty = false;
                    }
                }
                if (!coreEmpty) {
                    rest.add(member.getKey(), core);
                    restEmpty = false;
                }
            } else {
                rest.add(member.getKey(), member.getValue());
                restEmpty = false;
            }
        }
        if (!sawMembers) {
            others.add(operation);
        } else if (!restEmpty) {
            others.add(new PatchOperation(operation.op(), null, rest.build()));
        }
    }

    private static void memberStep(PatchOperation.Op op, PatchPath path, JsonValue value, List<Step> steps) {
        if (path.attribute().subAttribute() != null || path.subAttribute() != null) {
            throw ScimException.invalidPath("'" + path + "': members are changed with the path 'members' or "
                    + "'members[value eq \"<id>\"]', never through one of their sub-attributes.");
        }
        if (path.valueFilter() != null) {
            if (op != PatchOperation.Op.REMOVE) {
                throw ScimException.invalidPath("'" + path + "': a member filter is only for 'remove'; add members "
                        + "with the path 'members' and a value [{\"value\": \"<id>\"}].");
            }
            steps.add(new RemoveMembers(filteredIds(path.valueFilter(), path)));
            return;
        }
        switch (op) {
            case ADD -> {
                List<String> ids = isNull(value) ? List.of() : ids(value);
                if (!ids.isEmpty()) {
                    steps.add(new AddMembers(ids));
                }
            }
            case REPLACE -> steps.add(new ReplaceMembers(isNull(value) ? List.of() : ids(value)));
            case REMOVE -> {
                if (!ListedValueRemoval.listsValues(value)) {
                    steps.add(new RemoveAllMembers());
                    return;
                }
                List<String> ids = new ArrayList<>();
                for (JsonValue listed : ListedValueRemoval.listed(value)) {
                    ids.add(id(listed));
                }
                if (!ids.isEmpty()) {
                    steps.add(new RemoveMembers(List.copyOf(new LinkedHashSet<>(ids))));
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    /** The ids of {@code value eq "id"} or an {@code or} of such comparisons. */
    private static List<String> filteredIds(Filter filter, PatchPath path) {
        Set<String> ids = new LinkedHashSet<>();
        collectIds(filter, path, ids);
        return List.copyOf(ids);
    }

    private static void collectIds(Filter filter, PatchPath path, Set<String> ids) {
        if (filter instanceof Filter.Or or) {
            collectIds(or.left(), path, ids);
            collectIds(or.right(), path, ids);
            return;
        }
        if (filter instanceof Filter.Comparison comparison && comparison.operator() == Operator.EQ
                && comparison.path().schemaUrn() == null && comparison.path().subAttribute() == null
                && comparison.path().name().equalsIgnoreCase("value")) {
            String id = null;
            if (comparison.value() instanceof Literal.StringLiteral string) {
                id = string.value();
            } else if (comparison.value() instanceof Literal.NumberLiteral number) {
                id = number.text();
            }
            if (id != null && !id.isBlank()) {
                ids.add(id);
                return;
            }
        }
        throw ScimException.invalidFilter("'" + path + "': members are selected only by id, as "
                + "members[value eq \"<id>\"] (or several such comparisons joined by 'or').");
    }

    private static List<String> ids(JsonValue value) {
        List<JsonValue> members = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonValue member : members) {
            ids.add(id(member));
        }
        return List.copyOf(ids);
    }

    private static String id(JsonValue member) {
        if (member.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonValue id = PatchRequest.member(member.asJsonObject(), "value");
            String text = id == null ? null : switch (id.getValueType()) {
                case STRING -> ((JsonString) id).getString();
                case NUMBER -> ((JsonNumber) id).toString();
                default -> null;
            };
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        throw ScimException.invalidValue("Each member needs a non-blank 'value' with the member's id, "
                + "as in [{\"value\": \"<id>\"}].");
    }

    private static boolean isMembers(AttributePath attribute) {
        return attribute.name().equalsIgnoreCase(MEMBERS)
                && (attribute.schemaUrn() == null || attribute.schemaUrn().equalsIgnoreCase(Urns.GROUP));
    }

    private static boolean isMembersKey(String key) {
        return key.equalsIgnoreCase(MEMBERS) || key.equalsIgnoreCase(Urns.GROUP + ":" + MEMBERS);
    }

    private static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}
