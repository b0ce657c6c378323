package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The group list (search, 20 per page, member counts and mappings) and a group's members, paged. */
@ExtendWith(RollcallServer.class)
class GroupPagingUiIT {
    private final AccessUi ui = new AccessUi(TestTenants.create("Group paging"));

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void groupListAndMembersArePaged() {
        List<String> users = TestTenants.bulkUsers(ui.tenant, "pager", 45);
        String big = null;
        for (int i = 0; i < 25; i++) {
            String id = ui.scimGroup(String.format("Paging Group %02d", i), i == 0 ? users : List.of());
            big = i == 0 ? id : big;
        }
        long emea = ui.subAccount("EMEA");
        ui.map(big, emea, ui.roleId("Editor"));

        ui.open("console/groups/list.xhtml");
        assertEquals("1–20 of 25", ui.text("pager:range"));
        assertEquals("Paging Group 00", ui.text("groups:0:open"));
        assertEquals("45", ui.text("groups:0:members"));
        assertEquals("Editor in EMEA", ui.text("groups:0:mappings"));
        assertEquals("Not mapped", ui.text("groups:1:mappings"));
        assertFalse(ui.byId("pager:previous").isEnabled());
        ui.screenshot("access-groups");
        ui.submit("pager:next");
        assertEquals("21–25 of 25", ui.text("pager:range"));
        assertEquals("Paging Group 20", ui.text("groups:0:open"));
        assertFalse(ui.byId("pager:next").isEnabled(), "the last page");

        ui.byId("groups-form:filter").sendKeys("group 1");
        ui.submit("groups-form:search");
        assertEquals("1–10 of 10", ui.text("pager:range"), "search starts again at the first page");
        assertEquals("Paging Group 10", ui.text("groups:0:open"));
        ui.byId("groups-form:filter").clear();
        ui.byId("groups-form:filter").sendKeys("no such group");
        ui.submit("groups-form:search");
        assertEquals("No group matches this name.", ui.text("groups-empty"));

        ui.open("console/groups/detail.xhtml?id=" + big);
        assertEquals("45", ui.text("user-members"));
        assertEquals("1–20 of 45", ui.text("members-pager:range"));
        assertEquals("pager-0@example.test", ui.text("members:0:user-name"));
        ui.submit("members-pager:next");
        assertEquals("21–40 of 45", ui.text("members-pager:range"));
        assertEquals("pager-20@example.test", ui.text("members:0:user-name"));
        ui.submit("members-pager:next");
        assertEquals("41–45 of 45", ui.text("members-pager:range"));
        assertFalse(ui.byId("members-pager:next").isEnabled());
        ui.submit("members-pager:previous");
        assertEquals("21–40 of 45", ui.text("members-pager:range"));
        ui.screenshot("access-group-members");

        ui.browser.get(ui.base + "console/groups/detail.xhtml?id=no-such-group");
        assertEquals("Page not found", ui.text("error-title"), "an unknown id is the styled 404");
    }
}
