/**
 * Named, individually tested normalisations of real identity-provider dialects, one class per quirk of
 * ENTRA.md (the IdP compatibility contract) (the Q-number is in each class's documentation). They are applied by the
 * PATCH kernel ({@code scim.patch}), the mappers and the filter evaluator.
 *
 * <p>This package imports only {@code java.*} and {@code jakarta.json.*}, so that every other SCIM kernel
 * package may use it without creating a package cycle; the callers turn an empty answer into the
 * appropriate SCIM error.
 */
package com.rollcall.scim.quirks;
