package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14, item 4 in the console: the groups list shows the groups the IdP deleted ("Deleted by the identity
 * provider on …, 2 mappings kept") and tells same-named live groups apart by external id; a deleted group's page
 * offers the group the IdP created with the same externalId first, restores the kept mappings onto it (the member
 * gets the role back), or discards them after a confirmation.
 */
@ExtendWith(RollcallServer.class)
class DeletedGroupUiIT {
    private final AccessUi ui = new AccessUi(TestTenants.create("Deleted group UI"));

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void restoreOntoTheGroupTheIdpCreatedAgainGivesTheRoleBack() {
        long emea = ui.subAccount("EMEA");
        String ann = ui.scimUser("ann.deleted@example.test", "Ann Deleted");
        String old = group("Sales", "ext-sales", List.of(ann));
        ui.map(old, emea, ui.roleId("Editor"));
        ui.map(old, null, ui.roleId("Enterprise Admin"));
        assertEquals(204, ui.scim.send(ui.scim.request("Groups/" + old).DELETE()).status());
        String namesake = group("Sales", "ext-sales-apac", List.of());
        String fresh = group("Sales", "ext-sales", List.of(ann));
        ui.scimGroup("Support", List.of());

        ui.open("console/groups/list.xhtml");
        assertEquals("ext-sales-apac", ui.text("groups:0:external-id"), "same-named groups are told apart");
        assertEquals("ext-sales", ui.text("groups:1:external-id"));
        assertTrue(ui.text("deleted:0:deleted-status").matches("Deleted by the identity provider on \\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d UTC, 2 mappings kept"), ui.text("deleted:0:deleted-status"));
        assertTrue(ui.text("deleted:0:kept").contains("Editor in EMEA"), ui.text("deleted:0:kept"));
        ui.screenshot("access-groups-deleted");

        ui.submit("deleted:0:open-deleted");
        assertEquals("Sales", ui.text("page-title"));
        assertTrue(ui.text("deleted-banner").startsWith("Deleted by the identity provider on"), ui.text("deleted-banner"));
        assertEquals("2", ui.text("kept-count"));
        Select target = new Select(ui.byId("restore-form:target"));
        assertEquals("Sales — external id ext-sales, 1 member (same external id)", target.getFirstSelectedOption().getText(),
                "the group the IdP created with the same externalId is offered first, and chosen");
        assertEquals("Sales — external id ext-sales-apac, 0 members (same name)", target.getOptions().get(2).getText());
        ui.byId("restore-form:search").sendKeys("supp");
        ui.submit("restore-form:find");
        assertTrue(new Select(ui.byId("restore-form:target")).getOptions().stream()
                .anyMatch(o -> o.getText().startsWith("Support — no external id, 0 members")), "found by name");
        assertEquals(fresh, new Select(ui.byId("restore-form:target")).getFirstSelectedOption().getAttribute("value"),
                "the choice stays");
        ((org.openqa.selenium.JavascriptExecutor) ui.browser).executeScript("arguments[0].scrollIntoView()",
                ui.byId("restore-title"));
        ui.screenshot("access-deleted-group");

        ui.submit("restore-form:restore");

        assertTrue(ui.browser.getCurrentUrl().contains("id=" + fresh), ui.browser.getCurrentUrl());
        assertTrue(ui.messages().contains("Restored 2 mappings (Editor in EMEA, Enterprise Admin (enterprise level)) from "
                + "the deleted group “Sales” onto “Sales”."), ui.messages());
        assertTrue(ui.messages().contains("The effective role of 1 user changed."), ui.messages());
        assertEquals(2, ui.browser.findElements(By.cssSelector("#mappings-form\\:mappings tbody tr")).size());
        assertTrue(ui.text("namesakes").contains("external id ext-sales-apac, 0 members"), ui.text("namesakes"));
        ui.screenshot("access-deleted-group-restored");
        ui.open("console/effective-access.xhtml?user=" + ann);
        WebElement emeaLevel = ui.browser.findElement(By.cssSelector("section.access-level[data-where='EMEA'] .winner"));
        assertTrue(emeaLevel.getText().startsWith("Editor"), emeaLevel.getText());

        ui.open("console/groups/list.xhtml");
        assertTrue(ui.browser.findElements(By.id("deleted-groups")).isEmpty(), "nothing left to decide");
        ui.open("console/groups/detail.xhtml?id=" + old);
        assertEquals("Group not found", ui.text("page-title"));
        assertTrue(ui.text("deleted-by-idp").contains("Your identity provider deleted this group"));
    }

    @Test
    void discardAsksFirstThenDeletesTheKeptMappings() {
        String old = group("Temporary project", null, List.of());
        ui.map(old, null, ui.roleId("Enterprise Admin"));
        assertEquals(204, ui.scim.send(ui.scim.request("Groups/" + old).DELETE()).status());

        ui.open("console/groups/deleted.xhtml?id=" + old);
        assertTrue(ui.text("restore-title").contains("Restore mappings onto a group"));
        ui.submit("discard-form:discard");
        assertTrue(ui.text("confirm-discard-title").startsWith("Discard the 1 kept mapping of “Temporary project”?"),
                ui.text("confirm-discard-title"));
        ui.screenshot("access-deleted-group-discard");
        ui.submit("confirm-discard:cancel");
        assertTrue(ui.browser.findElements(By.id("confirm-discard-dialog")).isEmpty(), "cancelled");
        assertEquals(1, kept(old), "nothing discarded on cancel");

        ui.submit("discard-form:discard");
        ui.submit("confirm-discard:continue");

        assertTrue(ui.browser.getCurrentUrl().contains("groups/list.xhtml"), ui.browser.getCurrentUrl());
        assertTrue(ui.messages().contains("Discarded 1 mapping kept from the deleted group “Temporary project” "
                + "(Enterprise Admin (enterprise level))."), ui.messages());
        assertTrue(ui.browser.findElements(By.id("deleted-groups")).isEmpty());
        assertEquals(0, kept(old));
        ui.open("console/groups/deleted.xhtml?id=" + old);
        assertTrue(ui.text("deleted-banner").contains("Nothing of it is kept any more"), ui.text("deleted-banner"));
        ui.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("restore-form")));
    }

    private String group(String displayName, String externalId, List<String> members) {
        StringBuilder json = new StringBuilder("{\"displayName\":\"").append(displayName).append('"');
        if (externalId != null) {
            json.append(",\"externalId\":\"").append(externalId).append('"');
        }
        json.append(",\"members\":[");
        for (int i = 0; i < members.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"value\":\"").append(members.get(i)).append("\"}");
        }
        var created = ui.scim.post("Groups", json.append("]}").toString());
        assertEquals(201, created.status(), created.text());
        return created.json().getString("id");
    }

    private int kept(String deletedGroup) {
        JsonObject group = ui.admin.get("deleted-groups/" + deletedGroup).json();
        return group.getJsonArray("keptMappings").size();
    }
}
