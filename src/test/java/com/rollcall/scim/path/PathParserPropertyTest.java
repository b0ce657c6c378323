package com.rollcall.scim.path;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.testing.fuzz.Filters;
import com.rollcall.testing.fuzz.Fuzz;
import com.rollcall.testing.fuzz.Fuzz.Violation;
import com.rollcall.testing.fuzz.Texts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties of the attribute-path parser on generated input (see {@link Fuzz} for seeds and reproduction): any
 * text is a path or a {@code 400 invalidPath} naming a position inside it, and a path's text parses back to it.
 */
class PathParserPropertyTest {
    private static final Pattern POSITION = Pattern.compile(" at position (\\d+)");

    @Test
    void anyTextIsAPathOrAnInvalidPathNamingAPositionInIt() {
        Fuzz.property("any text is an attribute path or invalidPath at a position", Filters::hostilePath)
                .tries(5_000)
                .shrink(Fuzz::shorter)
                .check(text -> {
                    AttributePath path;
                    try {
                        path = PathParser.parseAttributePath(text);
                    } catch (ScimException refused) {
                        Fuzz.assertRefusal(refused, ScimErrorType.INVALID_PATH);
                        Matcher at = POSITION.matcher(refused.detail());
                        if (!at.find() || Long.parseLong(at.group(1)) > text.length()) {
                            throw new Violation("refusal position", refused.detail() + " (length " + text.length() + ")");
                        }
                        return;
                    }
                    requireRoundTrip(path);
                });
    }

    @Test
    void aPathWrittenWithBlankSpaceAroundItParsesToThatPath() {
        Fuzz.property("a path with blank space around it parses to that path", random -> {
            AttributePath path = Filters.path(random, true);
            String before = random.nextBoolean() ? Texts.blank(random) : "";
            String after = random.nextBoolean() ? Texts.blank(random) : "";
            return new Written(path, before + path + after);
        }).tries(3_000).show(written -> Fuzz.show(written.text())).check(written -> {
            AttributePath parsed;
            try {
                parsed = PathParser.parseAttributePath(written.text());
            } catch (ScimException refused) {
                throw new Violation("written path refused", refused.detail());
            }
            if (!parsed.equals(written.path())) {
                throw new Violation("written path misread", parsed + " instead of " + written.path());
            }
            requireRoundTrip(parsed);
        });
    }

    /** A generated path and one way of writing it. */
    record Written(AttributePath path, String text) {
    }

    private static void requireRoundTrip(AttributePath path) {
        AttributePath again;
        try {
            again = PathParser.parseAttributePath(path.toString());
        } catch (ScimException refused) {
            throw new Violation("rendering refused", Fuzz.show(path.toString()) + " -> " + refused.detail());
        }
        if (!again.equals(path)) {
            throw new Violation("rendering misread", Fuzz.show(path.toString()) + " parses as " + again + ", not " + path);
        }
    }
}
