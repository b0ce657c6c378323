package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.PatchFixtures.TOUR_GUIDES;
import static com.rollcall.scim.patch.PatchFixtures.assertScimError;
import static com.rollcall.scim.patch.PatchFixtures.copy;
import static com.rollcall.scim.patch.PatchFixtures.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.patch.MembershipPatch.AddMembers;
import com.rollcall.scim.patch.MembershipPatch.Plan;
import com.rollcall.scim.patch.MembershipPatch.RemoveAllMembers;
import com.rollcall.scim.patch.MembershipPatch.RemoveMembers;
import com.rollcall.scim.patch.MembershipPatch.ReplaceMembers;
import com.rollcall.scim.patch.MembershipPatch.Step;
import com.rollcall.scim.schema.ScimSchemas;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MembershipPatchTest {
    private static final String A = "2819c223-7f76-453a-919d-413861904646";
    private static final String B = "902c246b-6245-4190-8e05-00816be7344a";

    /** (description, operations, member steps, other operations as JSON). */
    static Stream<Arguments> plans() {
        return Stream.of(
                plan("add members", "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + A + "\"}, {\"value\": \"" + B + "\"}]}]",
                        List.of(new AddMembers(List.of(A, B)))),
                plan("add members: repeated ids once, in order",
                        "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + B + "\"}, {\"value\": \"" + A + "\"}, {\"value\": \"" + B + "\"}]}]",
                        List.of(new AddMembers(List.of(B, A)))),
                plan("Entra's Add with \"$ref\": null", "[{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \"" + A + "\"}]}]",
                        List.of(new AddMembers(List.of(A)))),
                plan("add one member given as an object", "[{\"op\": \"add\", \"path\": \"members\", \"value\": {\"value\": \"" + A + "\"}}]",
                        List.of(new AddMembers(List.of(A)))),
                plan("a numeric id is taken as its text", "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": 1234}]}]",
                        List.of(new AddMembers(List.of("1234")))),
                plan("add with the core URN path, any case", "[{\"op\": \"add\", \"path\": \"urn:ietf:params:scim:schemas:core:2.0:Group:Members\", \"value\": [{\"value\": \"" + A + "\"}]}]",
                        List.of(new AddMembers(List.of(A)))),
                plan("add nothing", "[{\"op\": \"add\", \"path\": \"members\", \"value\": []}, {\"op\": \"add\", \"path\": \"members\", \"value\": null}]",
                        List.of()),
                plan("remove members[value eq \"id\"] (RFC)", "[{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + A + "\\\"]\"}]",
                        List.of(new RemoveMembers(List.of(A)))),
                plan("remove members[value eq \"a\" or value eq \"b\"]",
                        "[{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + A + "\\\" or value eq \\\"" + B + "\\\"]\"}]",
                        List.of(new RemoveMembers(List.of(A, B)))),
                plan("remove members[value eq id] with an unquoted id (ENTRA.md Q10)", "[{\"op\": \"remove\", \"path\": \"members[Value EQ " + A + "]\"}]",
                        List.of(new RemoveMembers(List.of(A)))),
                plan("remove members with a value array (ENTRA.md Q3): these members, never all",
                        "[{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \"" + A + "\"}]}]",
                        List.of(new RemoveMembers(List.of(A)))),
                plan("remove members with an empty value array removes nothing", "[{\"op\": \"remove\", \"path\": \"members\", \"value\": []}]",
                        List.of()),
                plan("remove members without value or filter removes all", "[{\"op\": \"remove\", \"path\": \"members\"}]",
                        List.of(new RemoveAllMembers())),
                plan("remove members with a null value removes all", "[{\"op\": \"remove\", \"path\": \"members\", \"value\": null}]",
                        List.of(new RemoveAllMembers())),
                plan("replace members", "[{\"op\": \"replace\", \"path\": \"members\", \"value\": [{\"value\": \"" + A + "\"}]}]",
                        List.of(new ReplaceMembers(List.of(A)))),
                plan("replace members with nothing", "[{\"op\": \"replace\", \"path\": \"members\", \"value\": []}, {\"op\": \"replace\", \"path\": \"members\", \"value\": null}]",
                        List.of(new ReplaceMembers(List.of()), new ReplaceMembers(List.of()))),
                plan("path-less add of members", "[{\"op\": \"add\", \"value\": {\"members\": [{\"value\": \"" + A + "\"}]}}]",
                        List.of(new AddMembers(List.of(A)))),
                plan("path-less replace of members inside the core URN object",
                        "[{\"op\": \"replace\", \"value\": {\"urn:ietf:params:scim:schemas:core:2.0:Group\": {\"members\": [{\"value\": \"" + A + "\"}]}}}]",
                        List.of(new ReplaceMembers(List.of(A)))),
                plan("steps keep the order of the operations",
                        "[{\"op\": \"remove\", \"path\": \"members\"}, {\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + A + "\"}]},"
                                + " {\"op\": \"remove\", \"path\": \"members[value eq \\\"" + A + "\\\"]\"}]",
                        List.of(new RemoveAllMembers(), new AddMembers(List.of(A)), new RemoveMembers(List.of(A)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void plansMemberOperationsAsDeltas(String description, String operations, List<Step> steps) {
        Plan plan = MembershipPatch.plan(ops(operations));
        assertEquals(steps, plan.memberSteps());
        assertEquals(List.of(), plan.otherOperations());
        assertEquals(!steps.isEmpty(), plan.changesMembers());
    }

    @Test
    void leavesOtherOperationsInOrderForThePatchEngine() {
        Plan plan = MembershipPatch.plan(ops("""
                [{"op": "Replace", "path": "displayName", "value": "Senior Tour Guides"},
                 {"op": "Add", "path": "members", "value": [{"value": "%s"}]},
                 {"op": "Remove", "path": "members[value eq \\"%s\\"]"},
                 {"op": "replace", "value": {"externalId": "senior-guides", "members": [{"value": "%s"}]}},
                 {"op": "remove", "path": "externalId"}]""".formatted(A, B, B)));
        assertEquals(List.of(new AddMembers(List.of(A)), new RemoveMembers(List.of(B)), new ReplaceMembers(List.of(B))),
                plan.memberSteps());
        assertEquals(ops("""
                [{"op": "replace", "path": "displayName", "value": "Senior Tour Guides"},
                 {"op": "replace", "value": {"externalId": "senior-guides"}},
                 {"op": "remove", "path": "externalId"}]"""), plan.otherOperations());
    }

    @Test
    void keepsAPathLessOperationWithoutMembersAsItIs() {
        List<PatchOperation> operations = ops("[{\"op\": \"replace\", \"value\": {\"displayName\": \"Guides\", \"externalId\": \"g\"}}]");
        Plan plan = MembershipPatch.plan(operations);
        assertEquals(operations, plan.otherOperations());
        assertFalse(plan.changesMembers());
    }

    /** The plan's steps applied as deltas plus the other operations on the group without members = the engine on the whole group. */
    static Stream<String> groupPatches() {
        return Stream.of(
                "[{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"Senior Tour Guides\"},"
                        + " {\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \"e9e30dba\"}]}]",
                "[{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"value\": \"" + A + "\"}]}, {\"op\": \"remove\", \"path\": \"externalId\"}]",
                "[{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + B + "\\\"]\"}]",
                "[{\"op\": \"replace\", \"value\": {\"displayName\": \"Guides\", \"members\": [{\"value\": \"" + B + "\"}]}}]",
                "[{\"op\": \"remove\", \"path\": \"members\"}, {\"op\": \"add\", \"value\": {\"members\": [{\"value\": \"" + A + "\"}]}}]");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("groupPatches")
    void plansWhatTheEngineDoesOnTheWholeGroup(String operations) {
        PatchEngine engine = new PatchEngine(ScimSchemas.GROUP_RESOURCE_TYPE);
        JsonObject whole = engine.apply(TOUR_GUIDES, ops(operations));
        Plan plan = MembershipPatch.plan(ops(operations));
        JsonObject withoutMembers = engine.apply(copy(TOUR_GUIDES).remove("members").build(), plan.otherOperations());
        assertEquals(copy(whole).remove("members").build(), withoutMembers);
        assertEquals(memberIds(whole), applyDeltas(memberIds(TOUR_GUIDES), plan.memberSteps()));
    }

    private static List<String> memberIds(JsonObject group) {
        return group.containsKey("members")
                ? group.getJsonArray("members").getValuesAs(JsonObject.class).stream().map(m -> m.getString("value")).toList()
                : List.of();
    }

    /** What the group service does with the steps, as SQL deltas would. */
    private static List<String> applyDeltas(List<String> members, List<Step> steps) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(members);
        for (Step step : steps) {
            if (step instanceof AddMembers add) {
                ids.addAll(add.ids());
            } else if (step instanceof RemoveMembers remove) {
                remove.ids().forEach(ids::remove);
            } else if (step instanceof RemoveAllMembers) {
                ids.clear();
            } else if (step instanceof ReplaceMembers replace) {
                ids.clear();
                ids.addAll(replace.ids());
            }
        }
        return List.copyOf(ids);
    }

    /** (description, operations, scimType, words of the detail). */
    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("a member without value", "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"display\": \"Babs\"}]}]",
                        ScimErrorType.INVALID_VALUE, "Operation 1: Each member needs a non-blank 'value'"),
                arguments("a blank id", "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \" \"}]}]",
                        ScimErrorType.INVALID_VALUE, "Each member needs a non-blank 'value'"),
                arguments("an id that is not a string", "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": {\"id\": 1}}]}]",
                        ScimErrorType.INVALID_VALUE, "Each member needs a non-blank 'value'"),
                arguments("bare ids", "[{\"op\": \"add\", \"path\": \"members\", \"value\": [\"" + A + "\"]}]",
                        ScimErrorType.INVALID_VALUE, "Each member needs a non-blank 'value'"),
                arguments("a listed removal without id", "[{\"op\": \"remove\", \"path\": \"members\", \"value\": [{\"$ref\": null}]}]",
                        ScimErrorType.INVALID_VALUE, "Each member needs a non-blank 'value'"),
                arguments("a member filter on display", "[{\"op\": \"remove\", \"path\": \"members[display eq \\\"Babs\\\"]\"}]",
                        ScimErrorType.INVALID_FILTER, "members are selected only by id"),
                arguments("a member filter with ne", "[{\"op\": \"remove\", \"path\": \"members[value ne \\\"" + A + "\\\"]\"}]",
                        ScimErrorType.INVALID_FILTER, "members are selected only by id"),
                arguments("a member filter with and", "[{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + A + "\\\" and type eq \\\"User\\\"]\"}]",
                        ScimErrorType.INVALID_FILTER, "members are selected only by id"),
                arguments("add with a member filter", "[{\"op\": \"add\", \"path\": \"members[value eq \\\"" + A + "\\\"]\", \"value\": {\"value\": \"" + A + "\"}}]",
                        ScimErrorType.INVALID_PATH, "a member filter is only for 'remove'"),
                arguments("a member sub-attribute after a filter", "[{\"op\": \"replace\", \"path\": \"members[value eq \\\"" + A + "\\\"].display\", \"value\": \"B\"}]",
                        ScimErrorType.INVALID_PATH, "never through one of their sub-attributes"),
                arguments("a member sub-attribute", "[{\"op\": \"remove\", \"path\": \"members.value\"}]",
                        ScimErrorType.INVALID_PATH, "never through one of their sub-attributes"),
                arguments("the failing operation is named",
                        "[{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + A + "\"}]}, {\"op\": \"add\", \"path\": \"members\", \"value\": [{}]}]",
                        ScimErrorType.INVALID_VALUE, "Operation 2: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsMemberOperationsItCannotPlan(String description, String operations, ScimErrorType type, String words) {
        ScimException e = assertScimError(type, () -> MembershipPatch.plan(ops(operations)));
        assertTrue(e.detail().contains(words), e.detail());
    }

    @Test
    void copiesTheIdListsOfSteps() {
        List<String> ids = new ArrayList<>(List.of(A));
        AddMembers add = new AddMembers(ids);
        ids.add(B);
        assertEquals(List.of(A), add.ids());
    }

    private static Arguments plan(String description, String operations, List<Step> steps) {
        return arguments(description, operations, steps);
    }
}
