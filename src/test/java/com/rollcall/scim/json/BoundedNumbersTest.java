package com.rollcall.scim.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bound on client numbers: its edges, and that a document is refused wherever the number sits. */
class BoundedNumbersTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-1", "1.5", "1e1000", "1e-1000", "9.99e1000", "-0.000001", "123456789012345678901234567890"})
    void acceptsNumbersWithinTheRule(String text) {
        assertEquals(Optional.of(new BigDecimal(text)), BoundedNumbers.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1e1001", "1e-1001", "1e2000000000", "-1e-2000000000", "1e99999999999", "0e-5000", "abc", "",
            "1e", "--1"})
    void refusesNumbersOutsideTheRuleAndNonNumbers(String text) {
        assertEquals(Optional.empty(), BoundedNumbers.parse(text));
    }

    @Test
    void aHundredDigitsAreTheMostAndTheTextIsNotParsedAtAnyLength() {
        assertTrue(BoundedNumbers.parse("9".repeat(100)).isPresent());
        assertEquals(Optional.empty(), BoundedNumbers.parse("9".repeat(101)));
        assertEquals(Optional.empty(), BoundedNumbers.parse("1".repeat(1_000_000)), "refused by its length alone");
    }

    @Test
    void aDocumentWithAnOutOfRangeNumberAnywhereIsInvalidValueNamingIt() {
        JsonValue document = read("{\"a\":[1,2,{\"b\":{\"c\":[3,1e2000000000]}}],\"d\":\"1e2000000000\"}");
        ScimException e = assertThrows(ScimException.class, () -> BoundedNumbers.requireBounded(document));
        assertEquals(ScimErrorType.INVALID_VALUE, e.type());
        assertTrue(e.detail().startsWith("The number 1E+2000000000 is out of range (numbers may have at most 100 digits"),
                e.detail());
        BoundedNumbers.requireBounded(read("{\"a\":[1,2.5,{\"b\":-1e1000}],\"d\":\"1e2000000000\"}"));
    }

    private static JsonValue read(String json) {
        try (var reader = ScimJson.PROVIDER.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
