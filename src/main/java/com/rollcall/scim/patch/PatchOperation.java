package com.rollcall.scim.patch;

import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * One operation of a PATCH request (RFC 7644 §3.5.2), as parsed by {@link PatchRequest}.
 *
 * @param op    what to do
 * @param path  the target, or null for "the resource itself" (never null for {@link Op#REMOVE} coming from
 *              {@link PatchRequest#parse})
 * @param value the value: null when the request had no {@code value} member, {@link JsonValue#NULL} when it
 *              had an explicit JSON {@code null} (which {@link PatchEngine} takes as "make unassigned")
 */
public record PatchOperation(Op op, PatchPath path, JsonValue value) {

    /** The three operations of RFC 7644 §3.5.2. */
    public enum Op {
        ADD, REPLACE, REMOVE;

        /** The RFC name, e.g. {@code "add"}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PatchOperation {
        Objects.requireNonNull(op, "op");
    }

    public static PatchOperation add(PatchPath path, JsonValue value) {
        return new PatchOperation(Op.ADD, path, value);
    }

    public static PatchOperation replace(PatchPath path, JsonValue value) {
        return new PatchOperation(Op.REPLACE, path, value);
    }

    public static PatchOperation remove(PatchPath path) {
        return new PatchOperation(Op.REMOVE, path, null);
    }

    /** Whether the request gave a value (JSON {@code null} included). */
    public boolean hasValue() {
        return value != null;
    }

    @Override
    public String toString() {
        return op.wire() + (path == null ? "" : " " + path) + (value == null ? "" : " " + value);
    }
}
