package com.rollcall.users;

import com.rollcall.platform.query.Field;
import com.rollcall.platform.query.FilterMapping;
import com.rollcall.scim.schema.Urns;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the filterable User attributes live (alias {@code u} = UserAccount). Entra's matching
 * attributes — userName, externalId, emails[type eq "work"].value and the enterprise employeeNumber —
 * compare on indexed key columns.
 */
final class UserFilterMapping {
    static final FilterMapping MAPPING = build();

    private UserFilterMapping() {
    }

    private static FilterMapping build() {
        Map<String, Field> fields = new HashMap<>();
        fields.put("id", Field.exact("u.scimId"));
        fields.put("externalid", Field.exactKeyed("u.externalId", "u.externalIdKey"));
        fields.put("username", Field.keyed("u.userName", "u.userNameKey"));
        fields.put("name.formatted", Field.text("u.nameFormatted"));
        fields.put("name.familyname", Field.text("u.familyName"));
        fields.put("name.givenname", Field.text("u.givenName"));
        fields.put("name.middlename", Field.text("u.middleName"));
        fields.put("name.honorificprefix", Field.text("u.honorificPrefix"));
        fields.put("name.honorificsuffix", Field.text("u.honorificSuffix"));
        fields.put("displayname", Field.text("u.displayName"));
        fields.put("nickname", Field.text("u.nickName"));
        fields.put("profileurl", Field.exact("u.profileUrl"));
        fields.put("title", Field.text("u.title"));
        fields.put("usertype", Field.text("u.userType"));
        fields.put("preferredlanguage", Field.text("u.preferredLanguage"));
        fields.put("locale", Field.text("u.locale"));
        fields.put("timezone", Field.text("u.timezone"));
        fields.put("active", Field.bool("u.active"));
        fields.put("meta.created", Field.dateTime("u.createdAt"));
        fields.put("meta.lastmodified", Field.dateTime("u.lastModified"));
        Map<String, Field> enterprise = Map.of(
                "employeenumber", Field.keyedTrimmed("u.employeeNumber", "u.employeeNumberKey"),
                "costcenter", Field.text("u.costCenter"),
                "organization", Field.text("u.organization"),
                "division", Field.text("u.division"),
                "department", Field.text("u.department"),
                "manager", Field.exact("u.managerId"),
                "manager.value", Field.exact("u.managerId"));
        String urn = Urns.ENTERPRISE_USER.toLowerCase(Locale.ROOT);
        enterprise.forEach((name, field) -> fields.put(urn + ":" + name, field));

        Map<String, FilterMapping.MultiValued> multi = new HashMap<>();
        for (String attribute : UserScimMapper.VALUE_ATTRIBUTES) {
            multi.put(attribute.toLowerCase(Locale.ROOT), element(attribute, Map.of(
                    "value", Field.keyed("v.value", "v.valueKey"),
                    "type", Field.text("v.type"),
                    "display", Field.text("v.display"),
                    "primary", Field.bool("v.primary"))));
        }
        multi.put("addresses", element(UserScimMapper.ADDRESSES, Map.of(
                "formatted", Field.text("v.formatted"),
                "streetaddress", Field.text("v.streetAddress"),
                "locality", Field.text("v.locality"),
                "region", Field.text("v.region"),
                "postalcode", Field.text("v.postalCode"),
                "country", Field.text("v.country"),
                "type", Field.text("v.type"),
                "primary", Field.bool("v.primary"))));
        multi.put("groups", new FilterMapping.MultiValued(
                "u.id IN (SELECT m.userId FROM GroupMembership m, UserGroup g WHERE g.id = m.groupId "
                        + "AND m.enterpriseId = :enterpriseId AND (%s))",
                Map.of("value", Field.exact("g.scimId"), "display", Field.text("g.displayName")), "value"));
        return new FilterMapping(Urns.USER, fields, multi);
    }

    private static FilterMapping.MultiValued element(String attribute, Map<String, Field> subFields) {
        String defaultSub = subFields.containsKey("value") ? "value" : "formatted";
        return new FilterMapping.MultiValued("u.id IN (SELECT x.id FROM UserAccount x JOIN x.multiValues v "
                + "WHERE x.enterpriseId = :enterpriseId AND v.enterpriseId = :enterpriseId AND v.attribute = '" + attribute
                + "' AND (%s))", subFields, defaultSub);
    }
}
