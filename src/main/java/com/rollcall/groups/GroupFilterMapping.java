package com.rollcall.groups;

import com.rollcall.platform.query.Field;
import com.rollcall.platform.query.FilterMapping;
import com.rollcall.scim.schema.Urns;
import java.util.Map;

/** Where the filterable Group attributes live (alias {@code g} = UserGroup). */
final class GroupFilterMapping {
    static final FilterMapping MAPPING = new FilterMapping(Urns.GROUP,
            Map.of("id", Field.exact("g.scimId"),
                    "externalid", Field.exact("g.externalId"),
                    "displayname", Field.keyedTrimmed("g.displayName", "g.displayNameKey"),
                    "meta.created", Field.dateTime("g.createdAt"),
                    "meta.lastmodified", Field.dateTime("g.lastModified")),
            Map.of("members", new FilterMapping.MultiValued(
                    "g.id IN (SELECT m.groupId FROM GroupMembership m, UserAccount mu WHERE mu.id = m.userId "
                            + "AND m.enterpriseId = :enterpriseId AND (%s))",
                    Map.of("value", Field.exact("mu.scimId"), "display", Field.text("mu.displayName")), "value")));

    private GroupFilterMapping() {
    }
}
