package com.rollcall.scim.quirks;

/**
 * ENTRA.md Q8: some Entra tenants send the enterprise extension URN without its last colon,
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0User}, as a JSON key (the extension
 * object), as a key prefix ({@code ...2.0User:employeeNumber}) or as a PATCH path. It is taken as the
 * real enterprise user URN, in any letter case. (Attribute paths are normalised by
 * {@code PathParser}; this class does the same for JSON keys and whole-URN paths.)
 */
public final class EnterpriseUrnTypo {
    /** The enterprise User extension URN (RFC 7643 §4.3). */
    public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** The misspelt form. */
    public static final String TYPO_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0User";

    private EnterpriseUrnTypo() {
    }

    /** Whether {@code text} is exactly the misspelt URN, ignoring case. */
    public static boolean isTypo(String text) {
        return text != null && text.equalsIgnoreCase(TYPO_URN);
    }

    /**
     * {@code key} with a leading misspelt URN replaced by the real one, when the misspelt URN is the whole
     * key or is followed by {@code ':'}; any other key unchanged.
     */
    public static String normalise(String key) {
        if (key == null || !key.regionMatches(true, 0, TYPO_URN, 0, TYPO_URN.length())) {
            return key;
        }
        if (key.length() == TYPO_URN.length()) {
            return ENTERPRISE_USER_URN;
        }
        return key.charAt(TYPO_URN.length()) == ':' ? ENTERPRISE_USER_URN + key.substring(TYPO_URN.length()) : key;
    }
}
