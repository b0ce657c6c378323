package com.rollcall.operators;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first operator token, as Payara operators configure secrets (MicroProfile Config property
 * {@code rollcall.operator.token}): the environment variable {@code ROLLCALL_OPERATOR_TOKEN}, the system property
 * {@code -Drollcall.operator.token=…}, or a password alias, either named {@code rollcall.operator.token} (Payara's
 * password config source) or referred to as {@code ${ALIAS=name}} in one of the others. Never a file in clear.
 */
final class ConfiguredOperatorToken {
    static final String PROPERTY = "rollcall.operator.token";
    private static final Pattern ALIAS = Pattern.compile("\\$\\{ALIAS=([^}]+)}");

    /** Why a configured value is not used: shown in the log, never the value itself. */
    record Problem(String message) {
    }

    private ConfiguredOperatorToken() {
    }

    /**
     * The token configured, from a lookup of config properties by name; empty when none is configured. A
     * {@code ${ALIAS=name}} value is resolved through the same lookup (Payara serves password aliases as config
     * properties named after them), once.
     */
    static Optional<String> read(Function<String, Optional<String>> config) throws InvalidTokenException {
        Optional<String> value = config.apply(PROPERTY).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String token = value.get();
        Matcher alias = ALIAS.matcher(token);
        if (alias.matches()) {
            String name = alias.group(1).strip();
            token = config.apply(name).map(String::strip).filter(v -> !v.isEmpty())
                    .orElseThrow(() -> new InvalidTokenException("rollcall.operator.token refers to the password alias '"
                            + name + "', which this server does not have (asadmin create-password-alias " + name + ")."));
        }
        if (!com.rollcall.apiclients.ApiTokens.plausible(token) || token.length() < 32) {
            throw new InvalidTokenException("rollcall.operator.token must be 32 to 200 URL-safe characters "
                    + "(for example: openssl rand -base64 32 | tr '+/' '-_' | tr -d '='); it is not used.");
        }
        return Optional.of(token);
    }

    /** A configured value Rollcall will not use, and why. */
    static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message);
        }
    }
}
