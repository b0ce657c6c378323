package com.rollcall.operators;

import com.rollcall.apiclients.ApiTokens;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first operator token, as Payara operators configure secrets: the MicroProfile Config property
 * {@code rollcall.operator.token}. Checked on a real Payara Server 6.2025.10 (docs/operations.md):
 * <ul>
 * <li>the environment variable {@code ROLLCALL_OPERATOR_TOKEN} of {@code asadmin start-domain};</li>
 * <li>the system property, from {@code asadmin create-system-properties} or {@code create-jvm-options -D…};</li>
 * <li>a password alias named {@code rollcall.operator.token} (Payara's "Password Alias" config source);</li>
 * <li>{@code ${ALIAS=name}} as the value of any of the others. Payara expands it itself in system properties and
 * JVM options; in the environment (and a few other sources) its MicroProfile Config does not: it answers nothing
 * and logs "Using null value in configuration". So the value is read as each source holds it and an alias reference
 * is looked up here, in the password alias source alone: through the whole configuration an alias named
 * {@code rollcall-operator-token} would find {@code ROLLCALL_OPERATOR_TOKEN} again (the environment's name
 * mapping), i.e. the reference itself.</li>
 * </ul>
 * Any other {@code ${…}} expression is left to the runtime. Never a file in clear.
 */
final class ConfiguredOperatorToken {
    static final String PROPERTY = "rollcall.operator.token";
    /** The name of Payara's config source of the domain's password aliases (asadmin create-password-alias). */
    static final String PASSWORD_ALIAS_SOURCE = "Password Alias";
    private static final Pattern ALIAS = Pattern.compile("\\$\\{ALIAS=([^}]+)}");

    /** A config source, as MicroProfile Config has it: its name, and a property's value as it holds it (unexpanded). */
    interface Source {
        String name();

        Optional<String> value(String property);
    }

    /** The token and where it came from (for the log; never the token itself). */
    record Configured(String token, String origin) {
        @Override
        public String toString() {
            return "Configured[origin=" + origin + "]";
        }
    }

    private ConfiguredOperatorToken() {
    }

    /**
     * The token configured, or empty when none is.
     *
     * @param sources the config sources, highest ordinal first (the first that has the property decides, as in
     *     MicroProfile Config; an empty value there means none is configured)
     * @param resolve the property's value as the runtime resolves it, for a {@code ${…}} expression that is not an
     *     alias reference
     */
    static Optional<Configured> read(List<Source> sources, Function<String, Optional<String>> resolve)
            throws InvalidTokenException {
        Source from = null;
        String raw = null;
        for (Source source : sources) {
            Optional<String> value = source.value(PROPERTY);
            if (value.isPresent()) {
                from = source;
                raw = value.get().strip();
                break;
            }
        }
        if (from == null || raw.isEmpty()) {
            return Optional.empty();
        }
        String where = PROPERTY + " (" + from.name() + ")";
        String token;
        String origin = from.name();
        Matcher alias = ALIAS.matcher(raw);
        if (alias.matches()) {
            String name = alias.group(1).strip();
            Source passwords = sources.stream().filter(s -> PASSWORD_ALIAS_SOURCE.equals(s.name())).findFirst()
                    .orElseThrow(() -> new InvalidTokenException(where + " refers to the password alias '" + name
                            + "', but this server has no password aliases (is it Payara?); it is not used."));
            token = passwords.value(name).map(String::strip).filter(v -> !v.isEmpty())
                    .orElseThrow(() -> new InvalidTokenException(where + " refers to the password alias '" + name
                            + "', which this domain does not have (asadmin create-password-alias " + name + ")."));
            origin = "password alias '" + name + "', named by " + from.name();
        } else if (raw.contains("${")) {
            Optional<String> resolved;
            try {
                resolved = resolve.apply(PROPERTY).map(String::strip).filter(v -> !v.isEmpty());
            } catch (RuntimeException e) {
                resolved = Optional.empty();
            }
            token = resolved.filter(v -> !v.contains("${")).orElseThrow(() -> new InvalidTokenException(where
                    + " is an expression this server cannot resolve; to use a password alias write ${ALIAS=name} "
                    + "(asadmin create-password-alias name)."));
        } else {
            token = raw;
        }
        if (!ApiTokens.plausible(token) || token.length() < 32) {
            throw new InvalidTokenException(where + " must be 32 to 200 URL-safe characters "
                    + "(for example: openssl rand -base64 32 | tr '+/' '-_' | tr -d '='); it is not used.");
        }
        return Optional.of(new Configured(token, origin));
    }

    /** A configured value Rollcall will not use, and why (never the value). */
    static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message);
        }
    }
}
