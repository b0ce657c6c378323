package com.rollcall.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator token from config sources shaped like Payara Server's (what each of them held on a real Payara Server
 * 6.2025.10 for each way of configuring it; docs/operations.md): system properties (400), environment (300, with
 * MicroProfile's name mapping), password aliases (105).
 */
class ConfiguredOperatorTokenTest {
    private static final String TOKEN = "rco_0123456789abcdefghijklmnopqrstuvwxyzABCD";
    private static final Function<String, Optional<String>> NO_RESOLVER = name -> {
        throw new AssertionError("the runtime's resolution is not needed here");
    };

    /** A source holding these properties as given (values unexpanded). */
    private static ConfiguredOperatorToken.Source source(String name, Map<String, String> values) {
        return new ConfiguredOperatorToken.Source() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> value(String property) {
                return Optional.ofNullable(values.get(property));
            }
        };
    }

    private static ConfiguredOperatorToken.Source systemProperties(Map<String, String> values) {
        return source("SystemProperty", values);
    }

    /** MicroProfile Config's environment source: rollcall.operator.token and rollcall-operator-token both find ROLLCALL_OPERATOR_TOKEN. */
    private static ConfiguredOperatorToken.Source environment(Map<String, String> variables) {
        return new ConfiguredOperatorToken.Source() {
            @Override
            public String name() {
                return "Environment";
            }

            @Override
            public Optional<String> value(String property) {
                return Optional.ofNullable(variables.get(property.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT)));
            }
        };
    }

    private static ConfiguredOperatorToken.Source passwordAliases(Map<String, String> aliases) {
        return source(ConfiguredOperatorToken.PASSWORD_ALIAS_SOURCE, aliases);
    }

    private static Optional<ConfiguredOperatorToken.Configured> read(ConfiguredOperatorToken.Source... sources)
            throws ConfiguredOperatorToken.InvalidTokenException {
        return ConfiguredOperatorToken.read(List.of(sources), NO_RESOLVER);
    }

    @Test
    void nothingConfiguredIsNoToken() throws Exception {
        assertTrue(read(systemProperties(Map.of()), environment(Map.of()), passwordAliases(Map.of("other", TOKEN))).isEmpty());
        assertTrue(read().isEmpty());
    }

    @Test
    void takesTheEnvironmentVariableOfStartDomain() throws Exception {
        var configured = read(systemProperties(Map.of()), environment(Map.of("ROLLCALL_OPERATOR_TOKEN", TOKEN)),
                passwordAliases(Map.of())).orElseThrow();
        assertEquals(TOKEN, configured.token());
        assertEquals("Environment", configured.origin());
    }

    @Test
    void takesASystemPropertyAsPayaraExpandedItAndPrefersItToTheEnvironment() throws Exception {
        // create-system-properties / create-jvm-options with ${ALIAS=…}: the JVM holds the expanded value
        String other = TOKEN.replace('A', 'Z');
        var configured = read(systemProperties(Map.of("rollcall.operator.token", TOKEN)),
                environment(Map.of("ROLLCALL_OPERATOR_TOKEN", other)), passwordAliases(Map.of())).orElseThrow();
        assertEquals(TOKEN, configured.token());
        assertEquals("SystemProperty", configured.origin());
    }

    @Test
    void takesAPasswordAliasNamedAfterTheProperty() throws Exception {
        var configured = read(systemProperties(Map.of()), environment(Map.of()),
                passwordAliases(Map.of("rollcall.operator.token", TOKEN))).orElseThrow();
        assertEquals(TOKEN, configured.token());
        assertEquals(ConfiguredOperatorToken.PASSWORD_ALIAS_SOURCE, configured.origin());
    }

    @Test
    void resolvesAnAliasReferenceInTheEnvironmentThroughThePasswordAliasesAlone() throws Exception {
        // through the whole configuration, rollcall-operator-token finds ROLLCALL_OPERATOR_TOKEN: the reference itself
        var configured = read(systemProperties(Map.of()),
                environment(Map.of("ROLLCALL_OPERATOR_TOKEN", "${ALIAS=rollcall-operator-token}")),
                passwordAliases(Map.of("rollcall-operator-token", TOKEN))).orElseThrow();
        assertEquals(TOKEN, configured.token());
        assertEquals("password alias 'rollcall-operator-token', named by Environment", configured.origin());
    }

    @Test
    void resolvesAnAliasReferenceLeftUnexpandedByAnySource() throws Exception {
        var configured = read(source("Domain", Map.of("rollcall.operator.token", " ${ALIAS= my-alias } ")),
                passwordAliases(Map.of("my-alias", TOKEN))).orElseThrow();
        assertEquals(TOKEN, configured.token());
    }

    @Test
    void anAliasTheDomainDoesNotHaveIsRefusedWithTheCommandThatCreatesIt() {
        var refused = assertThrows(ConfiguredOperatorToken.InvalidTokenException.class,
                () -> read(environment(Map.of("ROLLCALL_OPERATOR_TOKEN", "${ALIAS=missing}")), passwordAliases(Map.of())));
        assertTrue(refused.getMessage().contains("asadmin create-password-alias missing"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Environment"), refused.getMessage());
    }

    @Test
    void anAliasReferenceWithoutPasswordAliasesIsRefused() {
        var refused = assertThrows(ConfiguredOperatorToken.InvalidTokenException.class,
                () -> read(environment(Map.of("ROLLCALL_OPERATOR_TOKEN", "${ALIAS=some}"))));
        assertTrue(refused.getMessage().contains("no password aliases"), refused.getMessage());
    }

    @Test
    void leavesOtherExpressionsToTheRuntime() throws Exception {
        var configured = ConfiguredOperatorToken.read(List.of(environment(Map.of("ROLLCALL_OPERATOR_TOKEN", "${vault.token}"))),
                name -> Optional.of(TOKEN)).orElseThrow();
        assertEquals(TOKEN, configured.token());
    }

    @Test
    void anExpressionTheRuntimeCannotResolveIsRefusedAndNeverStopsTheStart() {
        // Payara answers nothing ("Using null value") or throws ("Infinitely recursive expression")
        List<Function<String, Optional<String>>> runtimes = List.of(name -> Optional.empty(),
                name -> Optional.of("${still.an.expression}"), name -> {
                    throw new IllegalArgumentException("Infinitely recursive expression found within expression");
                });
        for (Function<String, Optional<String>> runtime : runtimes) {
            var refused = assertThrows(ConfiguredOperatorToken.InvalidTokenException.class, () -> ConfiguredOperatorToken.read(
                    List.of(environment(Map.of("ROLLCALL_OPERATOR_TOKEN", "${rollcall-operator-token}"))), runtime));
            assertTrue(refused.getMessage().contains("${ALIAS=name}"), refused.getMessage());
        }
    }

    @Test
    void theFirstSourceThatHasThePropertyDecidesEvenWhenItIsEmpty() throws Exception {
        assertTrue(read(systemProperties(Map.of("rollcall.operator.token", "  ")),
                passwordAliases(Map.of("rollcall.operator.token", TOKEN))).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"short_but_plausible_1234", "has spaces in it but is long enough for the rule",
        "rco_0123456789abcdefghijklmnopqrstuvwxyz{}"})
    void anImplausibleTokenIsRefusedWithoutShowingIt(String value) {
        var refused = assertThrows(ConfiguredOperatorToken.InvalidTokenException.class,
                () -> read(environment(Map.of("ROLLCALL_OPERATOR_TOKEN", value))));
        assertFalse(refused.getMessage().contains(value), refused.getMessage());
        assertTrue(refused.getMessage().contains("32 to 200 URL-safe characters"), refused.getMessage());
    }

    @Test
    void anImplausibleAliasValueIsRefusedWithoutShowingIt() {
        var refused = assertThrows(ConfiguredOperatorToken.InvalidTokenException.class,
                () -> read(environment(Map.of("ROLLCALL_OPERATOR_TOKEN", "${ALIAS=a}")), passwordAliases(Map.of("a", "tooshort"))));
        assertFalse(refused.getMessage().contains("tooshort"), refused.getMessage());
    }

    @Test
    void theConfiguredValueNeverShowsTheToken() throws Exception {
        var configured = read(environment(Map.of("ROLLCALL_OPERATOR_TOKEN", TOKEN))).orElseThrow();
        assertFalse(configured.toString().contains(TOKEN));
    }
}
