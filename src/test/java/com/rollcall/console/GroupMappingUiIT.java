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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The mapping editor drives effective access (PRODUCT.md rule 8): a group and its members come from SCIM
 * with the tenant's token; the admin maps the group in the console; the user's effective-access page shows
 * the new role with the rule that decided; removing the mapping (after a confirmation) takes it away.
 */
@ExtendWith(RollcallServer.class)
class GroupMappingUiIT {
    private final AccessUi ui = new AccessUi(TestTenants.create("Mapping editor"));

    @AfterEach
    void close() {
        ui.close();
    }

    private WebElement level(String where) {
        for (WebElement section : ui.browser.findElements(By.cssSelector("section.access-level"))) {
            if (where.equals(section.getAttribute("data-where"))) {
                return section;
            }
        }
        ui.screenshot("access-debug-" + where.replace(" ", "-"));
        throw new AssertionError("no level " + where + " on the effective-access page: " + ui.browser.getPageSource());
    }

    @Test
    void addingAMappingGivesTheRoleAndRemovingItTakesItAway() {
        ui.subAccount("EMEA");
        ui.subAccount("Retail");
        String ann = ui.scimUser("ann.mapping@example.test", "Ann Mapping");
        String bob = ui.scimUser("bob.mapping@example.test", "Bob Mapping");
        String group = ui.scimGroup("Editors EMEA", List.of(ann, bob));

        ui.open("console/effective-access.xhtml?user=" + ann);
        assertEquals("No role", level("EMEA").findElement(By.cssSelector(".winner")).getText(), "no mapping yet");

        ui.open("console/groups/detail.xhtml?id=" + group);
        assertEquals("Editors EMEA", ui.text("page-title"));
        assertEquals("2", ui.text("user-members"));
        assertTrue(ui.text("mappings-empty").contains("Not mapped"));

        ui.select("mapping-form:level", "EMEA");
        ui.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-form:role"), "Editor"));
        assertFalse(ui.byId("mapping-form:role").getText().contains("Enterprise Admin"),
                "a sub-account offers only sub-account roles");
        ui.select("mapping-form:role", "Editor (score 140)");
        ui.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-form:add-preview"),
                "changes the effective role of 2 users of the group's 2 members"));
        ui.screenshot("access-mapping-preview");
        ui.submit("mapping-form:add");

        assertTrue(ui.messages().contains("Mapped the group to Editor in EMEA"), ui.messages());
        assertEquals("EMEA", ui.text("mappings-form:mappings:0:where"));
        assertEquals("Editor", ui.text("mappings-form:mappings:0:role"));
        assertEquals("140", ui.text("mappings-form:mappings:0:score"));
        ui.screenshot("access-group-mapped");

        ui.open("console/effective-access.xhtml?user=" + ann);
        WebElement emea = level("EMEA");
        assertEquals("Editor score 140", emea.findElement(By.cssSelector(".winner")).getText());
        assertEquals("The only candidate", emea.findElement(By.cssSelector(".rule-text")).getText());
        assertTrue(emea.findElement(By.cssSelector(".explanation")).getText().contains("Editors EMEA"),
                "the explanation names the group");
        assertEquals("No role", level("Retail").findElement(By.cssSelector(".winner")).getText(), "only EMEA is mapped");
        ui.screenshot("access-effective-access");

        ui.open("console/groups/detail.xhtml?id=" + group);
        ui.submit("mappings-form:mappings:0:remove");
        assertTrue(ui.text("remove-preview").contains("2 members"), ui.text("remove-preview"));
        ui.submit("confirm-remove:continue");
        assertTrue(ui.messages().contains("Removed the mapping to Editor (EMEA)"), ui.messages());
        ui.byId("mappings-empty");

        ui.open("console/effective-access.xhtml?user=" + bob);
        assertEquals("No role", level("EMEA").findElement(By.cssSelector(".winner")).getText(), "the role is gone");
    }

    @Test
    void enterpriseLevelMappingIsInheritedAndAnExplicitLowerRoleWinsOverEnterpriseAdmin() {
        ui.subAccount("EMEA");
        ui.subAccount("Retail");
        String ann = ui.scimUser("ann.admin@example.test", "Ann Admin");
        String admins = ui.scimGroup("Admins", List.of(ann));
        String readers = ui.scimGroup("Readers EMEA", List.of(ann));
        ui.map(readers, ui.subAccountIdByName("EMEA"), ui.roleId("Reports Only"));

        ui.open("console/groups/detail.xhtml?id=" + admins);
        ui.select("mapping-form:role", "Enterprise Admin");
        ui.submit("mapping-form:add");
        assertEquals("Enterprise level (every sub-account)", ui.text("mappings-form:mappings:0:where"));

        ui.open("console/effective-access.xhtml?user=" + ann);
        assertEquals("Enterprise Admin score 960", level("Enterprise level").findElement(By.cssSelector(".winner")).getText());
        assertEquals("Enterprise Admin score 960", level("Retail").findElement(By.cssSelector(".winner")).getText());
        WebElement emea = level("EMEA");
        assertEquals("Reports Only score 20", emea.findElement(By.cssSelector(".winner")).getText());
        assertEquals("An explicit mapping here takes precedence over the enterprise level",
                emea.findElement(By.cssSelector(".rule-text")).getText());
        assertEquals(2, emea.findElements(By.cssSelector("table.candidates tbody tr")).size(), "both candidates are shown");
        assertTrue(emea.findElement(By.cssSelector("tr.set-aside")).getText().contains("Enterprise Admin"));
        ui.screenshot("access-effective-access-override");
    }

    @Test
    void anotherEnterprisesGroupAndUserAreNotFound() {
        com.rollcall.testing.Tenant otherTenant = TestTenants.create("Other mapping tenant");
        com.rollcall.testing.ScimClient otherScim = com.rollcall.testing.ScimClient.forTenant(otherTenant);
        String foreignUser = otherScim.post("Users", "{\"userName\":\"foreign.access@example.test\"}").json().getString("id");
        String foreignGroup = otherScim.post("Groups", "{\"displayName\":\"Foreign Group\"}").json().getString("id");

        ui.browser.get(ui.base + "console/groups/detail.xhtml?id=" + foreignGroup);
        assertEquals("Page not found", ui.text("error-title"));
        assertFalse(ui.browser.getPageSource().contains("Foreign Group"));
        ui.open("console/effective-access.xhtml?user=" + foreignUser);
        assertTrue(ui.text("user-not-found").contains("no such user"));
        assertFalse(ui.browser.getPageSource().contains("foreign.access@example.test"));
    }
}
