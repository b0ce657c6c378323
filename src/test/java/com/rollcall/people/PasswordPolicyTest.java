package com.rollcall.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The console password rule (the invitation page's checklist script mirrors it; InvitationUiIT compares the two). */
class PasswordPolicyTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "short1A!|length",
        "Tr0ub4dor&3x|",
        "lowercaseonly12|classes",
        "correct horse battery staple|",
        "aaaaaaaaaaaA1!|repeat",
        "Password123!|common",
        "Welcome1!!!!|common",
        "P@ssw0rd2024|common",
        "kim.lee-Rocks-42|name",
        "KIMLEEkimlee99|name",
        "abababababab|classes repeat",
    })
    void problemsOfAPassword(String password, String expected) {
        List<String> keys = expected == null ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(keys.stream().map(PasswordPolicyTest::rule).toList(), PasswordPolicy.problems(password, "kim.lee@example.com"));
    }

    private static String rule(String key) {
        return switch (key) {
            case "length" -> PasswordPolicy.LENGTH_RULE;
            case "classes" -> PasswordPolicy.CLASSES_RULE;
            case "repeat" -> PasswordPolicy.REPEAT_RULE;
            case "common" -> PasswordPolicy.COMMON_RULE;
            case "name" -> PasswordPolicy.NAME_RULE;
            default -> throw new IllegalArgumentException(key);
        };
    }
}
