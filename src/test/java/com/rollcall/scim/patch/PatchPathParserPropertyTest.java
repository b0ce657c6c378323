package com.rollcall.scim.patch;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.testing.fuzz.Filters;
import com.rollcall.testing.fuzz.Fuzz;
import com.rollcall.testing.fuzz.Fuzz.Violation;
import org.junit.jupiter.api.Test;

/**
 * Properties of the PATCH path parser on generated input (see {@link Fuzz} for seeds and reproduction): any text
 * is a PATCH path, a {@code 400 invalidPath}, or (for what is inside the brackets) a {@code 400 invalidFilter};
 * a path's text parses back to it, and every way of writing a path parses to that path.
 */
class PatchPathParserPropertyTest {

    @Test
    void anyTextIsAPatchPathOrInvalidPathOrInvalidFilter() {
        Fuzz.property("any text is a PATCH path, invalidPath or invalidFilter", Filters::hostilePatchPath)
                .tries(5_000)
                .shrink(Fuzz::shorter)
                .check(text -> {
                    PatchPath path;
                    try {
                        path = PatchPathParser.parse(text);
                    } catch (ScimException refused) {
                        Fuzz.assertRefusal(refused, ScimErrorType.INVALID_PATH, ScimErrorType.INVALID_FILTER);
                        if (!refused.detail().contains(" at position ")) {
                            throw new Violation("refusal without position", refused.detail());
                        }
                        return;
                    }
                    requireRoundTrip(path);
                });
    }

    @Test
    void everyWayOfWritingAPatchPathParsesToThatPath() {
        Fuzz.property("a PATCH path written any way parses to that path", random -> {
            PatchPath path = Filters.patchPath(random);
            return new Written(path, Filters.write(random, path));
        }).tries(3_000).show(written -> Fuzz.show(written.text()) + "\n  path: " + written.path()).check(written -> {
            if (written.text().length() > PatchPathParser.MAX_LENGTH) {
                throw Fuzz.discard();
            }
            PatchPath parsed;
            try {
                parsed = PatchPathParser.parse(written.text());
            } catch (ScimException refused) {
                throw new Violation("written path refused", refused.detail());
            }
            if (!parsed.equals(written.path())) {
                throw new Violation("written path misread", parsed + " instead of " + written.path());
            }
            requireRoundTrip(parsed);
        });
    }

    /** A generated PATCH path and one way of writing it. */
    record Written(PatchPath path, String text) {
    }

    private static void requireRoundTrip(PatchPath path) {
        String rendered = path.toString();
        if (rendered.length() > PatchPathParser.MAX_LENGTH) {
            return;
        }
        PatchPath again;
        try {
            again = PatchPathParser.parse(rendered);
        } catch (ScimException refused) {
            throw new Violation("rendering refused", Fuzz.show(rendered) + " -> " + refused.detail());
        }
        if (!again.equals(path)) {
            throw new Violation("rendering misread", Fuzz.show(rendered) + " parses as " + again + ", not " + path);
        }
    }
}
