package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Custom roles in the console: the power score follows the ticked permissions and flags as they change
 * (Faces ajax), field-level validation, the saved role in the list, and a role in use that cannot be
 * deleted — the page names the group that uses it — until its mapping is gone.
 */
@ExtendWith(RollcallServer.class)
class CustomRoleUiIT {
    private final AccessUi ui = new AccessUi(TestTenants.create("Custom roles"));

    @AfterEach
    void close() {
        ui.close();
    }

    private void tick(String permission) {
        ui.browser.findElement(By.cssSelector("#role-form input[value='" + permission + "']")).click();
    }

    private void scoreBecomes(String score) {
        ui.wait.until(ExpectedConditions.textToBe(By.id("score"), score));
    }

    @Test
    void scoreFollowsTheTickedPermissionsAndTheSavedRoleIsListed() {
        ui.open("console/roles/list.xhtml");
        assertTrue(ui.text("custom-empty").startsWith("No custom roles yet"));
        assertEquals("960", ui.text("builtin:0:score"), "built-in roles highest score first: Enterprise Admin");
        String matrix = ui.browser.findElement(By.id("matrix")).getAttribute("textContent");
        assertTrue(matrix.contains("Manage users") && matrix.contains("Reports Only") && matrix.contains("960"),
                "the matrix lists permissions, roles and scores");

        ui.submit("new-role");
        assertEquals("New custom role", ui.text("page-title"));
        assertEquals("0", ui.text("score"));
        ui.submit("role-form:save");
        assertEquals("Enter a name.", ui.text("role-form:name-message"), "the name is required, on its field");

        ui.byId("role-form:name").sendKeys("Editor");
        tick("PUBLISH_CONTENT");
        scoreBecomes("60");
        tick("EDIT_CONTENT");
        scoreBecomes("100");
        tick("VIEW_REPORTS");
        scoreBecomes("120");
        assertEquals("60 + 40 + 20 = 120", ui.text("breakdown"));
        ui.submit("role-form:save");
        assertEquals("A role named 'Editor' already exists.", ui.text("role-form:name-message"),
                "names are unique with the built-in roles");

        ui.byId("role-form:name").clear();
        ui.byId("role-form:name").sendKeys("Regional Publisher");
        assertEquals("120", ui.text("score"), "the ticks survived the failed save");
        ui.screenshot("access-role-editor");
        ui.submit("role-form:save");

        assertTrue(ui.messages().contains("Created the role 'Regional Publisher' (score 120)."), ui.messages());
        assertEquals("Regional Publisher", ui.text("roles-form:custom:0:edit"));
        assertEquals("120", ui.text("roles-form:custom:0:score"));
        ui.screenshot("access-roles");
    }

    @Test
    void enterpriseFlagsChangeTheScoreAndOnlyApplyToEnterpriseRoles() {
        ui.open("console/roles/edit.xhtml");
        assertFalse(ui.byId("role-form:group-manager").isEnabled(), "sub-account roles have no flags");
        ui.browser.findElement(By.id("role-form:scope:1")).click();
        ui.wait.until(ExpectedConditions.elementToBeClickable(By.id("role-form:group-manager")));
        tick("MANAGE_GROUPS");
        scoreBecomes("100");
        ui.byId("role-form:group-manager").click();
        scoreBecomes("90");
        assertEquals("100 − 10 (Group Manager) = 90", ui.text("breakdown"));
        ui.byId("role-form:name").sendKeys("Group Steward");
        ui.submit("role-form:save");
        assertTrue(ui.messages().contains("Created the role 'Group Steward' (score 90)."), ui.messages());
    }

    @Test
    void enterpriseWidePermissionsAreOfferedToEnterpriseRolesOnly() {
        ui.open("console/roles/edit.xhtml");
        assertTrue(ui.browser.findElements(By.cssSelector("#role-form input[value='MANAGE_ROLES']")).isEmpty(),
                "a sub-account role is not offered enterprise-wide permissions");
        ui.browser.findElement(By.id("role-form:scope:1")).click();
        ui.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#role-form input[value='MANAGE_ROLES']")));
        tick("MANAGE_ROLES");
        tick("VIEW_REPORTS");
        scoreBecomes("180");
        ui.browser.findElement(By.id("role-form:scope:0")).click();
        scoreBecomes("20");
        assertTrue(ui.browser.findElements(By.cssSelector("#role-form input[value='MANAGE_ROLES']")).isEmpty(),
                "switching back to a sub-account role drops them");
        assertTrue(ui.browser.findElement(By.cssSelector("#role-form input[value='VIEW_REPORTS']")).isSelected());
    }

    @Test
    void aRoleInUseCannotBeDeletedAndThePageSaysWhere() {
        ui.open("console/roles/edit.xhtml");
        ui.byId("role-form:name").sendKeys("Store Reporter");
        tick("VIEW_REPORTS");
        scoreBecomes("20");
        ui.submit("role-form:save");

        long stores = ui.subAccount("Stores");
        String group = ui.scimGroup("Store Managers", List.of());
        ui.map(group, stores, ui.roleId("Store Reporter"));

        ui.open("console/roles/list.xhtml");
        ui.submit("roles-form:custom:0:delete");
        assertTrue(ui.text("confirm-delete-title").contains("Store Reporter"));
        ui.submit("confirm-delete:continue");
        assertTrue(ui.messages().contains("mapped to the group Store Managers"), ui.messages());
        assertEquals("Store Reporter", ui.text("roles-form:custom:0:edit"), "still there");
        ui.screenshot("access-role-in-use");

        long mappingId = ui.admin.get("groups/" + group + "/mappings").json().getJsonArray("mappings")
                .getJsonObject(0).getJsonNumber("id").longValue();
        ScimClient.Response removed = ui.admin.send(ui.admin.request("groups/" + group + "/mappings/" + mappingId).DELETE());
        assertEquals(200, removed.status(), removed.text());
        ui.open("console/roles/list.xhtml");
        ui.submit("roles-form:custom:0:delete");
        ui.submit("confirm-delete:continue");
        assertTrue(ui.messages().contains("Deleted the role 'Store Reporter'."), ui.messages());
        ui.byId("custom-empty");
    }

    @Test
    void savingARoleSomeoneElseChangedMeanwhileIsRefused() {
        ui.open("console/roles/edit.xhtml");
        ui.byId("role-form:name").sendKeys("Night Shift");
        tick("CREATE_CONTENT");
        scoreBecomes("20");
        ui.submit("role-form:save");
        ui.submit("roles-form:custom:0:edit");
        assertEquals("Night Shift", ui.byId("role-form:name").getAttribute("value"));
        TestTenants.execute("UPDATE app_role SET name = 'Late Shift', name_key = 'late shift', version = version + 1 "
                + "WHERE enterprise_id = ?", ui.tenant.enterpriseId());
        tick("VIEW_REPORTS");
        scoreBecomes("40");
        ui.submit("role-form:save");
        assertTrue(ui.messages().startsWith("Someone else changed this in the meantime"), ui.messages());
        ui.open("console/roles/list.xhtml");
        assertEquals("Late Shift", ui.text("roles-form:custom:0:edit"), "their change was kept");
        assertEquals("20", ui.text("roles-form:custom:0:score"));
    }
}
