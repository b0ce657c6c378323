package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.PatchFixtures.assertScimError;
import static com.rollcall.scim.patch.PatchFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.patch.PatchOperation.Op;
import com.rollcall.scim.path.AttributePath;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PatchRequestTest {

    /** ENTRA.md Q1 (capitalised) and Q12 (RFC lower case): any letter case names the same operation. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "add, ADD", "Add, ADD", "ADD, ADD", "aDd, ADD",
            "replace, REPLACE", "Replace, REPLACE", "REPLACE, REPLACE",
            "remove, REMOVE", "Remove, REMOVE", "REMOVE, REMOVE"})
    void readsTheOperationNameInAnyCase(String op, Op expected) {
        List<PatchOperation> operations = PatchRequest.parse(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "%s", "path": "title", "value": "Guide"}]}
                """.formatted(op)));
        assertEquals(List.of(new PatchOperation(expected, PatchPath.parse("title"), Json.createValue("Guide"))), operations);
    }

    /** (body, the operations it holds). */
    static Stream<Arguments> acceptedBodies() {
        return Stream.of(
                arguments("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "replace", "path": "active", "value": false}]}""",
                        List.of(PatchOperation.replace(PatchPath.parse("active"), JsonValue.FALSE))),
                arguments("""
                        {"Operations": [{"op": "add", "path": "members", "value": [{"value": "2819c223"}]},
                                        {"op": "remove", "path": "members[value eq \\"902c246b\\"]"}]}""",
                        List.of(PatchOperation.add(PatchPath.parse("members"), PatchFixtures.array("[{\"value\": \"2819c223\"}]")),
                                PatchOperation.remove(PatchPath.parse("members[value eq \"902c246b\"]")))),
                arguments("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp",
                                     "urn:ietf:params:scim:schemas:extension:ADSCIM:2.0:Group"],
                         "operations": [{"op": "replace", "value": {"displayName": "Babs"}}]}""",
                        List.of(PatchOperation.replace(null, json("{\"displayName\": \"Babs\"}")))),
                arguments("""
                        {"schemas": [], "OPERATIONS": [{"OP": "Replace", "PATH": "title", "VALUE": "Guide"}]}""",
                        List.of(PatchOperation.replace(PatchPath.parse("title"), Json.createValue("Guide")))),
                arguments("""
                        {"Operations": [{"op": "replace", "path": "nickName", "value": null}]}""",
                        List.of(PatchOperation.replace(PatchPath.parse("nickName"), JsonValue.NULL))),
                arguments("""
                        {"Operations": [{"op": "add", "path": "", "value": {"title": "Guide"}},
                                        {"op": "add", "path": null, "value": {"title": "Guide"}},
                                        {"op": "add", "path": "   ", "value": {"title": "Guide"}}]}""",
                        List.of(PatchOperation.add(null, json("{\"title\": \"Guide\"}")),
                                PatchOperation.add(null, json("{\"title\": \"Guide\"}")),
                                PatchOperation.add(null, json("{\"title\": \"Guide\"}")))),
                arguments("""
                        {"Operations": [{"op": "remove", "path": "title", "value": "Tour Guide", "comment": "ignored"}]}""",
                        List.of(new PatchOperation(Op.REMOVE, PatchPath.parse("title"), Json.createValue("Tour Guide")))),
                arguments("""
                        {"Operations": [{"op": "Remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:manager"}]}""",
                        List.of(PatchOperation.remove(PatchPath.of(
                                new AttributePath(PatchFixtures.ENTERPRISE, "manager", null))))),
                arguments("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": []}""",
                        List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("acceptedBodies")
    void readsOperationsInOrder(String body, List<PatchOperation> expected) {
        assertEquals(expected, PatchRequest.parse(json(body)));
    }

    @Test
    void keepsAnExplicitNullApartFromAMissingValue() {
        List<PatchOperation> operations = PatchRequest.parse(json("""
                {"Operations": [{"op": "replace", "path": "title", "value": null}, {"op": "remove", "path": "title"}]}"""));
        assertEquals(JsonValue.NULL, operations.get(0).value());
        assertEquals(true, operations.get(0).hasValue());
        assertNull(operations.get(1).value());
        assertEquals(false, operations.get(1).hasValue());
    }

    /** (body, scimType, detail). */
    static Stream<Arguments> rejectedBodies() {
        return Stream.of(
                arguments("{}", ScimErrorType.INVALID_SYNTAX, "The PATCH request needs an 'Operations' array."),
                arguments("{\"Operations\": null}", ScimErrorType.INVALID_SYNTAX, "The PATCH request needs an 'Operations' array."),
                arguments("{\"Operations\": {\"op\": \"add\"}}", ScimErrorType.INVALID_SYNTAX, "'Operations' must be a JSON array of operations."),
                arguments("{\"Operations\": \"add\"}", ScimErrorType.INVALID_SYNTAX, "'Operations' must be a JSON array of operations."),
                arguments("{\"Operations\": [\"add\"]}", ScimErrorType.INVALID_SYNTAX, "Operation 1 must be a JSON object."),
                arguments("{\"Operations\": [{\"path\": \"title\", \"value\": \"x\"}]}", ScimErrorType.INVALID_SYNTAX,
                        "Operation 1 needs an 'op': add, replace or remove."),
                arguments("{\"Operations\": [{\"op\": 1, \"path\": \"title\", \"value\": \"x\"}]}", ScimErrorType.INVALID_SYNTAX,
                        "Operation 1 needs an 'op': add, replace or remove."),
                arguments("{\"Operations\": [{\"op\": \"add\", \"path\": \"title\", \"value\": \"x\"}, {\"op\": \"move\", \"path\": \"title\"}]}",
                        ScimErrorType.INVALID_SYNTAX, "Operation 2: unknown 'op' 'move'; expected add, replace or remove."),
                arguments("{\"Operations\": [{\"op\": \"\", \"path\": \"title\"}]}", ScimErrorType.INVALID_SYNTAX,
                        "Operation 1: unknown 'op' ''; expected add, replace or remove."),
                arguments("{\"Operations\": [{\"op\": \"remove\"}]}", ScimErrorType.NO_TARGET, "Operation 1: 'remove' needs a 'path'."),
                arguments("{\"Operations\": [{\"op\": \"Remove\", \"path\": \"\"}]}", ScimErrorType.NO_TARGET, "Operation 1: 'remove' needs a 'path'."),
                arguments("{\"Operations\": [{\"op\": \"remove\", \"value\": {\"title\": \"x\"}}]}", ScimErrorType.NO_TARGET,
                        "Operation 1: 'remove' needs a 'path'."),
                arguments("{\"Operations\": [{\"op\": \"add\", \"path\": \"title\"}]}", ScimErrorType.INVALID_VALUE,
                        "Operation 1: 'add' needs a 'value'."),
                arguments("{\"Operations\": [{\"op\": \"Replace\", \"path\": \"title\"}]}", ScimErrorType.INVALID_VALUE,
                        "Operation 1: 'replace' needs a 'value'."),
                arguments("{\"Operations\": [{\"op\": \"replace\", \"value\": \"Guide\"}]}", ScimErrorType.INVALID_VALUE,
                        "Operation 1: 'replace' without a 'path' needs a JSON object 'value' of attributes."),
                arguments("{\"Operations\": [{\"op\": \"add\", \"value\": null}]}", ScimErrorType.INVALID_VALUE,
                        "Operation 1: 'add' without a 'path' needs a JSON object 'value' of attributes."),
                arguments("{\"Operations\": [{\"op\": \"add\", \"value\": [{\"title\": \"x\"}]}]}", ScimErrorType.INVALID_VALUE,
                        "Operation 1: 'add' without a 'path' needs a JSON object 'value' of attributes."),
                arguments("{\"Operations\": [{\"op\": \"add\", \"path\": 7, \"value\": \"x\"}]}", ScimErrorType.INVALID_PATH,
                        "Operation 1: 'path' must be a string."),
                arguments("{\"Operations\": [{\"op\": \"add\", \"path\": \"title\", \"value\": \"x\"}, {\"op\": \"add\", \"path\": \"name..givenName\", \"value\": \"x\"}]}",
                        ScimErrorType.INVALID_PATH, "Operation 2: Expected a sub-attribute name at position 5"),
                arguments("{\"Operations\": [{\"op\": \"remove\", \"path\": \"members[value eq \\\"x\\\"\"}]}", ScimErrorType.INVALID_PATH,
                        "Operation 1: Expected ']' at position 20"),
                arguments("{\"Operations\": [{\"op\": \"remove\", \"path\": \"members[value xx \\\"x\\\"]\"}]}", ScimErrorType.INVALID_FILTER,
                        "Operation 1: Expected an operator at position 14"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("rejectedBodies")
    void rejectsMalformedBodiesWithTheirScimType(String body, ScimErrorType type, String detail) {
        ScimException e = assertScimError(type, () -> PatchRequest.parse(json(body)));
        assertEquals(detail, e.detail());
    }

    @Test
    void rejectsAMissingBody() {
        assertScimError(ScimErrorType.INVALID_SYNTAX, () -> PatchRequest.parse(null));
    }
}
