package com.rollcall.platform.query;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each filterable attribute of a resource type lives, for {@link JpqlFilterTranslator}:
 * single-valued attributes are columns of the root entity; multi-valued ones are reached through a
 * subquery ({@link MultiValued}). Keys are lower-cased paths: {@code "username"}, {@code "name.givenname"},
 * and for the enterprise extension {@code "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department"}.
 */
public record FilterMapping(String coreSchemaUrn, Map<String, Field> fields, Map<String, MultiValued> multiValued) {

    /**
     * A multi-valued attribute: {@code subquery} selects the root ids having a matching element, with
     * {@code %s} where the element condition goes and {@code :enterpriseId} bound by the translator;
     * {@code subFields} map sub-attribute names (lower-cased) to columns of the element alias.
     * {@code defaultSub} is the sub-attribute compared when none is named ({@code emails eq "x"}).
     */
    public record MultiValued(String subquery, Map<String, Field> subFields, String defaultSub) {
    }

    Optional<Field> field(String key) {
        return Optional.ofNullable(fields.get(key.toLowerCase(Locale.ROOT)));
    }

    Optional<MultiValued> multiValued(String key) {
        return Optional.ofNullable(multiValued.get(key.toLowerCase(Locale.ROOT)));
    }
}
