package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.TestTenants;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A mapping on a group above the background threshold (1,000 members): the preview says it runs in the
 * background, and after adding it the page shows a progress bar that refreshes by itself until the job is
 * done; the members then have the role.
 */
@ExtendWith(RollcallServer.class)
class LargeGroupRemapUiIT {
    private static final int MEMBERS = 1_200;

    private final AccessUi ui = new AccessUi(TestTenants.create("Large remap", 5_000, "scim,admin"));

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void largeRemapShowsAProgressBarThatReachesDone() {
        List<String> users = TestTenants.bulkUsers(ui.tenant, "remap", MEMBERS);
        String group = ui.scimGroup("Everyone", List.of());
        ui.addMembers(group, users);
        ui.subAccount("Stores");

        ui.open("console/groups/detail.xhtml?id=" + group);
        assertEquals("1,200", ui.text("user-members"));
        ui.select("mapping-form:level", "Stores");
        ui.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-form:role"), "Editor"));
        ui.select("mapping-form:role", "Editor (score 140)");
        ui.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-form:add-preview"), "background"));
        assertTrue(ui.text("mapping-form:add-preview").contains("1,200 users"), ui.text("mapping-form:add-preview"));
        ui.submit("mapping-form:add");

        assertTrue(ui.messages().contains("being updated in the background"), ui.messages());
        ui.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-bar")));
        ui.screenshot("access-remap-progress");
        new WebDriverWait(ui.browser, Duration.ofSeconds(180)).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.attributeToBe(By.id("job-status"), "data-status", "DONE"));
        assertEquals("100%", ui.text("job-status"));
        assertTrue(ui.text("job-text").startsWith("Done: 1,200 members checked, 1,200 users with a changed effective role"),
                ui.text("job-text"));
        assertEquals("100", ui.browser.findElement(By.id("job-bar")).getAttribute("value"));
        ui.screenshot("access-remap-done");

        ui.open("console/effective-access.xhtml?user=" + users.get(MEMBERS - 1));
        assertTrue(ui.browser.findElement(By.cssSelector("section.access-level[data-where='Stores'] .winner")).getText()
                .startsWith("Editor"));
    }
}
