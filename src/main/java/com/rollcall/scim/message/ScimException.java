package com.rollcall.scim.message;

import java.util.Map;

/**
 * The one runtime exception of Rollcall's SCIM and admin layers: an HTTP status, an optional SCIM
 * {@code scimType} and a human detail that never contains exception text. Declared an application
 * exception with rollback in ejb-jar.xml, so it reaches the JAX-RS mappers unwrapped and nothing
 * of a failed request is committed.
 */
public class ScimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ScimErrorType type;
    private final Map<String, String> headers;

    public ScimException(int status, ScimErrorType type, String detail) {
        this(status, type, detail, Map.of());
    }

    public ScimException(int status, ScimErrorType type, String detail, Map<String, String> headers) {
        super(detail == null ? type.defaultDetail() : detail, null, false, false);
        this.status = status;
        this.type = type;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public ScimErrorType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra response headers (Retry-After, WWW-Authenticate...). */
    public Map<String, String> headers() {
        return headers;
    }

    private static ScimException of(ScimErrorType type, String detail) {
        return new ScimException(type.defaultStatus(), type, detail);
    }

    public static ScimException invalidSyntax(String detail) { return of(ScimErrorType.INVALID_SYNTAX, detail); }
    public static ScimException invalidFilter(String detail) { return of(ScimErrorType.INVALID_FILTER, detail); }
    public static ScimException invalidPath(String detail) { return of(ScimErrorType.INVALID_PATH, detail); }
    public static ScimException invalidValue(String detail) { return of(ScimErrorType.INVALID_VALUE, detail); }
    public static ScimException noTarget(String detail) { return of(ScimErrorType.NO_TARGET, detail); }
    public static ScimException mutability(String detail) { return of(ScimErrorType.MUTABILITY, detail); }
    public static ScimException uniqueness(String detail) { return of(ScimErrorType.UNIQUENESS, detail); }
    public static ScimException tooMany(String detail) { return of(ScimErrorType.TOO_MANY, detail); }

    public static ScimException notFound(String detail) { return new ScimException(404, ScimErrorType.NONE, detail); }
    public static ScimException forbidden(String detail) { return new ScimException(403, ScimErrorType.NONE, detail); }
    public static ScimException preconditionFailed(String detail) { return new ScimException(412, ScimErrorType.NONE, detail); }
    public static ScimException payloadTooLarge(String detail) { return new ScimException(413, ScimErrorType.NONE, detail); }
    public static ScimException conflict(String detail) { return new ScimException(409, ScimErrorType.NONE, detail); }
    public static ScimException gone(String detail) { return new ScimException(410, ScimErrorType.NONE, detail); }

    /** 429: the caller is over its request budget; {@code Retry-After} says when to come back (whole seconds). */
    public static ScimException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ScimException(429, ScimErrorType.NONE, detail,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public static ScimException unauthorized(String detail) {
        return new ScimException(401, ScimErrorType.NONE, detail, Map.of("WWW-Authenticate", "Bearer realm=\"rollcall\""));
    }
}
