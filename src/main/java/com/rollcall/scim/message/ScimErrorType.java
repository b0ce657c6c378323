package com.rollcall.scim.message;

/**
 * The {@code scimType} keywords of RFC 7644 §3.12, with their wire value, usual HTTP status and a
 * default human detail. {@link #NONE} is for errors that carry no scimType (401, 403, 404, 412, 413...).
 */
public enum ScimErrorType {
    INVALID_FILTER("invalidFilter", 400, "The specified filter syntax was invalid or the attribute and comparison combination is not supported."),
    TOO_MANY("tooMany", 400, "The specified filter yields more results than the server is willing to calculate or process."),
    UNIQUENESS("uniqueness", 409, "One or more of the attribute values are already in use or are reserved."),
    MUTABILITY("mutability", 400, "The attempted modification is not compatible with the target attribute's mutability."),
    INVALID_SYNTAX("invalidSyntax", 400, "The request body structure was invalid or did not conform to the request schema."),
    INVALID_PATH("invalidPath", 400, "The path attribute was invalid or malformed."),
    NO_TARGET("noTarget", 400, "The specified path did not yield an attribute or attribute value that could be operated on."),
    INVALID_VALUE("invalidValue", 400, "A required value was missing, or the value specified was not compatible with the operation or attribute type."),
    INVALID_VERS("invalidVers", 400, "The specified SCIM protocol version is not supported."),
    SENSITIVE("sensitive", 403, "The request cannot be completed due to the passing of sensitive information in a request URI."),
    NONE(null, 400, "The request could not be processed.");

    private final String wireValue;
    private final int defaultStatus;
    private final String defaultDetail;

    ScimErrorType(String wireValue, int defaultStatus, String defaultDetail) {
        this.wireValue = wireValue;
        this.defaultStatus = defaultStatus;
        this.defaultDetail = defaultDetail;
    }

    /** The keyword as it appears in {@code scimType}, or null when the error has none. */
    public String wireValue() {
        return wireValue;
    }

    public int defaultStatus() {
        return defaultStatus;
    }

    public String defaultDetail() {
        return defaultDetail;
    }
}
