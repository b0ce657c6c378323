/**
 * The PATCH kernel (RFC 7644 §3.5.2) on immutable JSON: {@link com.rollcall.scim.patch.PatchRequest} reads a
 * request body into {@link com.rollcall.scim.patch.PatchOperation}s (paths parsed by
 * {@link com.rollcall.scim.patch.PatchPathParser}), {@link com.rollcall.scim.patch.PatchEngine} applies them
 * to a resource of one resource type and returns a new resource, and
 * {@link com.rollcall.scim.patch.MembershipPatch} turns a group's member operations into deltas so that
 * membership never has to be loaded. The IdP dialects of ENTRA.md are applied through the named classes of
 * {@code com.rollcall.scim.quirks}, and a resource type's own rules for single attributes
 * ({@link com.rollcall.scim.schema.AssignmentRule}) come with its definition. Behind {@code PatchEngine},
 * package-private classes each own one part of the semantics (see its documentation).
 *
 * <p>Package dependencies: {@code path} depends on no other kernel package, {@code filter} on {@code path},
 * {@code patch} on both (and on {@code schema}, {@code message}, {@code quirks}); {@code quirks} on none.
 *
 * <p>Decisions where RFC 7644 leaves room (each pinned by tests):
 * <ul>
 * <li>An unknown {@code op} is {@code invalidSyntax}; an empty {@code Operations} array is a no-op.</li>
 * <li>Explicit JSON {@code null} as an add/replace value makes the attribute unassigned; {@code add null}
 *     to a multi-valued attribute adds nothing; null sub-attributes inside multi-valued values
 *     ({@code "$ref": null}) are ignored.</li>
 * <li>A change to a readOnly attribute is {@code mutability}; setting it to the value it has is a no-op.
 *     writeOnly attributes ({@code password}) are ignored. Removing a required attribute is
 *     {@code invalidValue}.</li>
 * <li>An explicit {@code path} to an unknown attribute is {@code invalidPath}; unknown schema URNs (in paths
 *     or keys) and unknown keys inside value objects are ignored (ENTRA.md Q8).</li>
 * <li>{@code remove} with a filter that matches nothing is {@code noTarget} in the engine (RFC 7644
 *     Table 9); removing listed values that are absent is a no-op, and so is removing a non-member through
 *     {@code MembershipPatch} (a delta).</li>
 * <li>Making a value primary removes {@code primary} from the others; two new primaries in one operation
 *     are {@code invalidValue}.</li>
 * </ul>
 */
package com.rollcall.scim.patch;
