package com.rollcall.scim.patch;

import com.rollcall.scim.message.RequestLimits;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.quirks.CaseInsensitiveOperations;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a PATCH request (RFC 7644 §3.5.2) into {@link PatchOperation}s, validating its
 * structure; what the operations mean for a resource is {@link PatchEngine}'s business.
 *
 * <ul>
 * <li>The body must be a JSON object with an {@code Operations} array (member names ignoring case) of JSON
 *     objects; otherwise {@code 400 invalidSyntax}. An <b>empty</b> array is accepted and means "no change"
 *     (RFC 7644 asks clients for "one or more" operations; refusing zero would only hurt the client).</li>
 * <li>{@code schemas} is not checked: it may be missing or list unknown URNs (ENTRA.md Q8). Unknown members
 *     of an operation are ignored.</li>
 * <li>{@code op} is {@code add}, {@code replace} or {@code remove} in any letter case (Q1, Q12). A missing,
 *     non-string or unknown {@code op} is {@code 400 invalidSyntax}: the request does not conform to the
 *     PatchOp message schema, whose {@code op} has exactly those three canonical values.</li>
 * <li>{@code path}, when present, must be a string and is parsed by {@link PatchPathParser}
 *     ({@code invalidPath} / {@code invalidFilter} with the position in the path; the detail also names the
 *     operation). An empty or blank path, or {@code "path": null}, is the same as no path.</li>
 * <li>{@code remove} without a path is {@code 400 noTarget} (RFC 7644 §3.5.2.2).</li>
 * <li>{@code add} and {@code replace} without a {@code value} member are {@code 400 invalidValue}; an
 *     explicit {@code "value": null} is kept as {@link JsonValue#NULL} (see {@link PatchEngine}). So is a
 *     path-less {@code add}/{@code replace} whose value is not a JSON object.</li>
 * </ul>
 */
public final class PatchRequest {
    private PatchRequest() {
    }

    /** The operations of a PATCH request body, in order. */
    public static List<PatchOperation> parse(JsonObject body) {
        if (body == null) {
            throw ScimException.invalidSyntax("The PATCH request needs a JSON object body with an 'Operations' array.");
        }
        JsonValue operations = member(body, "Operations");
        if (operations == null || operations.getValueType() == JsonValue.ValueType.NULL) {
            throw ScimException.invalidSyntax("The PATCH request needs an 'Operations' array.");
        }
        if (operations.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ScimException.invalidSyntax("'Operations' must be a JSON array of operations.");
        }
        RequestLimits.requirePatchOperations(operations.asJsonArray().size());
        List<PatchOperation> parsed = new ArrayList<>();
        int number = 0;
        for (JsonValue operation : operations.asJsonArray()) {
            number++;
            if (operation.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ScimException.invalidSyntax("Operation " + number + " must be a JSON object.");
            }
            parsed.add(operation(operation.asJsonObject(), number));
        }
        return List.copyOf(parsed);
    }

    private static PatchOperation operation(JsonObject operation, int number) {
        PatchOperation.Op op = op(member(operation, "op"), number);
        PatchPath path = path(member(operation, "path"), number);
        JsonValue value = member(operation, "value");
        if (op == PatchOperation.Op.REMOVE && path == null) {
            throw ScimException.noTarget("Operation " + number + ": 'remove' needs a 'path'.");
        }
        if (op != PatchOperation.Op.REMOVE) {
            if (value == null) {
                throw ScimException.invalidValue("Operation " + number + ": '" + op.wire() + "' needs a 'value'.");
            }
            if (path == null && value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ScimException.invalidValue("Operation " + number + ": '" + op.wire()
                        + "' without a 'path' needs a JSON object 'value' of attributes.");
            }
        }
        return new PatchOperation(op, path, value);
    }

    private static PatchOperation.Op op(JsonValue op, int number) {
        if (op == null || op.getValueType() != JsonValue.ValueType.STRING) {
            throw ScimException.invalidSyntax("Operation " + number + " needs an 'op': add, replace or remove.");
        }
        String name = ((JsonString) op).getString();
        return CaseInsensitiveOperations.canonical(name)
                .map(canonical -> PatchOperation.Op.valueOf(canonical.toUpperCase(java.util.Locale.ROOT)))
                .orElseThrow(() -> ScimException.invalidSyntax("Operation " + number + ": unknown 'op' '"
                        + abbreviate(name) + "'; expected add, replace or remove."));
    }

    private static PatchPath path(JsonValue path, int number) {
        if (path == null || path.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (path.getValueType() != JsonValue.ValueType.STRING) {
            throw ScimException.invalidPath("Operation " + number + ": 'path' must be a string.");
        }
        String text = ((JsonString) path).getString();
        if (text.isBlank()) {
            return null;
        }
        try {
            return PatchPathParser.parse(text);
        } catch (ScimException e) {
            throw new ScimException(e.status(), e.type(), "Operation " + number + ": " + e.detail());
        }
    }

    /** The member whose name equals {@code name} ignoring case (an exact match first), or null. */
    static JsonValue member(JsonObject object, String name) {
        JsonValue exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
