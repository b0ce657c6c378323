package com.rollcall.platform.query;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.FilterParser;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.testing.fuzz.Filters;
import com.rollcall.testing.fuzz.Fuzz;
import com.rollcall.testing.fuzz.Fuzz.Violation;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property a resource type's {@link FilterMapping} must have on generated filters (see {@link Fuzz}): every
 * filter the parser accepts becomes one JPQL condition whose values are all bound parameters (each {@code :fN} in
 * the text has a parameter, and no quoted value is in the text), or is refused with {@code 400 invalidFilter},
 * never anything else (an unfiltered list, another exception).
 */
public final class FilterTranslationProperty {
    private static final Pattern PARAMETER = Pattern.compile(":(f\\d+)");
    /** What a mapping itself may quote: {@code ''}, the LIKE escape {@code '!'}, attribute names ({@code 'emails'}). */
    private static final Pattern MAPPING_CONSTANT = Pattern.compile("'[A-Za-z!]*'");

    private FilterTranslationProperty() {
    }

    public static void check(String resource, FilterMapping mapping) {
        Fuzz.property("a parsed " + resource + " filter becomes JPQL with bound values or invalidFilter",
                        random -> random.nextBoolean() ? Filters.hostile(random) : Filters.write(random, Filters.filter(random, random.nextInt(4))))
                .tries(5_000)
                .shrink(Fuzz::shorter)
                .check(text -> {
                    Filter filter;
                    try {
                        filter = FilterParser.parse(text);
                    } catch (ScimException refused) {
                        throw Fuzz.discard();
                    }
                    JpqlQuery query;
                    try {
                        query = JpqlFilterTranslator.translate(filter, mapping);
                    } catch (ScimException refused) {
                        Fuzz.assertRefusal(refused, ScimErrorType.INVALID_FILTER);
                        return;
                    }
                    String condition = query.condition();
                    if (condition.isBlank()) {
                        throw new Violation("no condition", "an empty condition lists everything");
                    }
                    Set<String> named = new TreeSet<>();
                    Matcher parameter = PARAMETER.matcher(condition);
                    while (parameter.find()) {
                        named.add(parameter.group(1));
                    }
                    if (!named.equals(new TreeSet<>(query.parameters().keySet()))) {
                        throw new Violation("parameters", condition + " names " + named + " but binds "
                                + query.parameters().keySet());
                    }
                    if (MAPPING_CONSTANT.matcher(condition).replaceAll("").indexOf('\'') >= 0) {
                        throw new Violation("value in the JPQL text", condition);
                    }
                });
    }
}
