package com.rollcall.users;

import java.util.List;

/**
 * Everything a SCIM client may set on a user, as parsed and validated from JSON: the input of a
 * create or a full replace (and of PATCH, applied to the JSON form first). {@code active} null means
 * "not given" (a create then makes an active user).
 */
public record UserAttributes(
        String userName,
        String externalId,
        String nameFormatted, String familyName, String givenName, String middleName,
        String honorificPrefix, String honorificSuffix,
        String displayName, String nickName, String profileUrl, String title, String userType,
        String preferredLanguage, String locale, String timezone,
        Boolean active,
        List<MultiValueData> multiValues,
        String employeeNumber, String costCenter, String organization, String division, String department,
        String managerId) {

    public UserAttributes {
        multiValues = List.copyOf(multiValues);
    }

    /** The same attributes with {@code active} set. */
    public UserAttributes withActive(Boolean newActive) {
        return new UserAttributes(userName, externalId, nameFormatted, familyName, givenName, middleName,
                honorificPrefix, honorificSuffix, displayName, nickName, profileUrl, title, userType,
                preferredLanguage, locale, timezone, newActive, multiValues, employeeNumber, costCenter, organization,
                division, department, managerId);
    }
}
