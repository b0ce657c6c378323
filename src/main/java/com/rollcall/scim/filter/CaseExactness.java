package com.rollcall.scim.filter;

import com.rollcall.scim.path.AttributePath;

/**
 * Tells whether string comparisons on an attribute are case-exact (RFC 7643 §2.2 {@code caseExact}).
 * Paths are absolute: inside {@code emails[type eq "work"]} the evaluator asks about
 * {@code emails.type}. The schema layer supplies the real rule.
 */
@FunctionalInterface
public interface CaseExactness {

    boolean isCaseExact(AttributePath path);

    /**
     * A stand-in until the schema layer answers: {@code id}, {@code externalId},
     * {@code meta.version} and every {@code $ref} are case-exact; everything else is not.
     */
    static CaseExactness defaults() {
        return path -> {
            String name = path.name();
            String sub = path.subAttribute();
            if (sub == null) {
                return name.equalsIgnoreCase("id") || name.equalsIgnoreCase("externalId") || name.equals("$ref");
            }
            return sub.equals("$ref") || (name.equalsIgnoreCase("meta") && sub.equalsIgnoreCase("version"));
        };
    }
}
