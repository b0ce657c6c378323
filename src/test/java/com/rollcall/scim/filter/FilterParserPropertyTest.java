package com.rollcall.scim.filter;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.patch.PatchFixtures;
import com.rollcall.testing.fuzz.Filters;
import com.rollcall.testing.fuzz.Fuzz;
import com.rollcall.testing.fuzz.Fuzz.Violation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties of the filter parser on generated input (see {@link Fuzz} for seeds and reproduction): any text is
 * a filter or a {@code 400 invalidFilter} naming a position inside it; a parsed filter renders as text that parses
 * back to the same tree; every way of writing a tree parses to that tree; and the in-memory evaluator answers or
 * refuses with {@code invalidFilter} for every parsed filter.
 */
class FilterParserPropertyTest {
    private static final Pattern POSITION = Pattern.compile(" at position (\\d+)");
    private static final FilterEvaluator EVALUATOR = new FilterEvaluator(CaseExactness.defaults());

    @Test
    void anyTextIsAFilterOrAnInvalidFilterNamingAPositionInIt() {
        Fuzz.property("any text is a filter or invalidFilter at a position", Filters::hostile)
                .tries(6_000)
                .shrink(Fuzz::shorter)
                .check(text -> {
                    Filter filter;
                    try {
                        filter = FilterParser.parse(text);
                    } catch (ScimException refused) {
                        Fuzz.assertRefusal(refused, ScimErrorType.INVALID_FILTER);
                        requirePosition(refused, text.length());
                        return;
                    }
                    requireRoundTrip(filter);
                    evaluates(filter);
                });
    }

    @Test
    void everyWayOfWritingATreeParsesToThatTree() {
        Fuzz.property("a tree written any way parses to that tree", random -> {
            Filter tree = Filters.filter(random, random.nextInt(6));
            return new Written(tree, Filters.write(random, tree));
        }).tries(4_000).show(written -> Fuzz.show(written.text()) + "\n  tree: " + written.tree()).check(written -> {
            if (written.text().length() > FilterParser.MAX_LENGTH) {
                throw Fuzz.discard();
            }
            Filter parsed;
            try {
                parsed = FilterParser.parse(written.text());
            } catch (ScimException refused) {
                throw new Violation("written tree refused", refused.detail() + "\n  tree: " + written.tree());
            }
            if (!parsed.equals(written.tree())) {
                throw new Violation("written tree misread", "parsed as " + parsed + "\n  tree:   " + written.tree());
            }
            requireRoundTrip(parsed);
        });
    }

    /** A generated tree and one way of writing it. */
    record Written(Filter tree, String text) {
    }

    /** The canonical text of a parsed filter parses back to the same tree, and renders the same again. */
    private static void requireRoundTrip(Filter filter) {
        String rendered = filter.toString();
        if (rendered.length() > FilterParser.MAX_LENGTH) {
            return; // escapes may lengthen a filter near the limit beyond it; the refusal is then correct
        }
        Filter again;
        try {
            again = FilterParser.parse(rendered);
        } catch (ScimException refused) {
            throw new Violation("rendering refused", Fuzz.show(rendered) + " -> " + refused.detail());
        }
        if (!again.equals(filter)) {
            throw new Violation("rendering misread", Fuzz.show(rendered) + "\n  parses as " + again + "\n  not as   " + filter);
        }
        if (!again.toString().equals(rendered)) {
            throw new Violation("rendering unstable", Fuzz.show(rendered) + " renders again as " + Fuzz.show(again.toString()));
        }
    }

    private static void evaluates(Filter filter) {
        for (var resource : List.of(PatchFixtures.BJENSEN, PatchFixtures.NEWCOMER, PatchFixtures.TOUR_GUIDES)) {
            try {
                EVALUATOR.matches(filter, resource);
            } catch (ScimException refused) {
                Fuzz.assertRefusal(refused, ScimErrorType.INVALID_FILTER);
            }
        }
    }

    private static void requirePosition(ScimException refused, int length) {
        Matcher at = POSITION.matcher(refused.detail());
        if (!at.find()) {
            throw new Violation("refusal without position", refused.detail());
        }
        long position = Long.parseLong(at.group(1));
        if (position > length) {
            throw new Violation("refusal position outside the text", refused.detail() + " (length " + length + ")");
        }
    }
}
