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
        return toBuilder().active(newActive).build();
    }

    /** Named construction: one setter per attribute, named as in SCIM, in any order; unset ones stay null. */
    /**
     * The user's emails as identifiers: every email value, and the userName when it is an email, trimmed and
     * lower-cased (how the email rule links users, and how a console login is matched to its user).
     */
    public java.util.Set<String> emailKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (MultiValueData value : multiValues) {
            if (value.attribute().equals("emails") && value.value() != null && !value.value().isBlank()) {
                keys.add(value.value().trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (userName != null && userName.contains("@")) {
            keys.add(userName.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return keys;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().userName(userName).externalId(externalId).nameFormatted(nameFormatted).familyName(familyName)
                .givenName(givenName).middleName(middleName).honorificPrefix(honorificPrefix).honorificSuffix(honorificSuffix)
                .displayName(displayName).nickName(nickName).profileUrl(profileUrl).title(title).userType(userType)
                .preferredLanguage(preferredLanguage).locale(locale).timezone(timezone).active(active)
                .multiValues(multiValues).employeeNumber(employeeNumber).costCenter(costCenter).organization(organization)
                .division(division).department(department).managerId(managerId);
    }

    /** Builds {@link UserAttributes} by name (the record's own constructor takes 24 values by position). */
    public static final class Builder {
        private String userName;
        private String externalId;
        private String nameFormatted;
        private String familyName;
        private String givenName;
        private String middleName;
        private String honorificPrefix;
        private String honorificSuffix;
        private String displayName;
        private String nickName;
        private String profileUrl;
        private String title;
        private String userType;
        private String preferredLanguage;
        private String locale;
        private String timezone;
        private Boolean active;
        private List<MultiValueData> multiValues = List.of();
        private String employeeNumber;
        private String costCenter;
        private String organization;
        private String division;
        private String department;
        private String managerId;

        private Builder() {
        }

        public Builder userName(String value) { userName = value; return this; }
        public Builder externalId(String value) { externalId = value; return this; }
        public Builder nameFormatted(String value) { nameFormatted = value; return this; }
        public Builder familyName(String value) { familyName = value; return this; }
        public Builder givenName(String value) { givenName = value; return this; }
        public Builder middleName(String value) { middleName = value; return this; }
        public Builder honorificPrefix(String value) { honorificPrefix = value; return this; }
        public Builder honorificSuffix(String value) { honorificSuffix = value; return this; }
        public Builder displayName(String value) { displayName = value; return this; }
        public Builder nickName(String value) { nickName = value; return this; }
        public Builder profileUrl(String value) { profileUrl = value; return this; }
        public Builder title(String value) { title = value; return this; }
        public Builder userType(String value) { userType = value; return this; }
        public Builder preferredLanguage(String value) { preferredLanguage = value; return this; }
        public Builder locale(String value) { locale = value; return this; }
        public Builder timezone(String value) { timezone = value; return this; }
        public Builder active(Boolean value) { active = value; return this; }
        public Builder multiValues(List<MultiValueData> value) { multiValues = value; return this; }
        public Builder employeeNumber(String value) { employeeNumber = value; return this; }
        public Builder costCenter(String value) { costCenter = value; return this; }
        public Builder organization(String value) { organization = value; return this; }
        public Builder division(String value) { division = value; return this; }
        public Builder department(String value) { department = value; return this; }
        public Builder managerId(String value) { managerId = value; return this; }

        public UserAttributes build() {
            return new UserAttributes(userName, externalId, nameFormatted, familyName, givenName, middleName,
                    honorificPrefix, honorificSuffix, displayName, nickName, profileUrl, title, userType,
                    preferredLanguage, locale, timezone, active, multiValues, employeeNumber, costCenter, organization,
                    division, department, managerId);
        }
    }
}
