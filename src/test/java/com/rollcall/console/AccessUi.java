package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.testing.Browser;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the groups/roles/access browser tests share: a browser signed in ({@link ConsoleUi}) as the tenant's
 * admin, and the tenant's SCIM and admin API (the IdP's and an integration's view) to set the scene.
 */
final class AccessUi implements AutoCloseable {
    final Tenant tenant;
    final String base = RollcallServer.get().baseUrl();
    final ScimClient scim;
    final ScimClient admin;
    final WebDriver browser;
    final WebDriverWait wait;

    AccessUi(Tenant tenant) {
        this.tenant = tenant;
        this.scim = ScimClient.forTenant(tenant);
        this.admin = new ScimClient(base + "api/admin/v1/", tenant.token());
        ConsoleUi console = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword());
        this.browser = console.browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Opens a console page (path under the context root) as the tenant's signed-in admin. */
    void open(String path) {
        browser.get(base + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    /** Clicks an element that submits the page (a full POST) and waits for the new page. */
    void submit(String id) {
        WebElement element = browser.findElement(By.id(id));
        element.click();
        wait.until(driver -> ConsoleUi.gone(element));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    String text(String id) {
        return byId(id).getText();
    }

    void select(String id, String visibleTextStart) {
        Select select = new Select(byId(id));
        for (WebElement option : select.getOptions()) {
            if (option.getText().startsWith(visibleTextStart)) {
                select.selectByVisibleText(option.getText());
                return;
            }
        }
        throw new AssertionError("no option starting with '" + visibleTextStart + "' in " + id);
    }

    /** The global messages' text (empty when there are none). */
    String messages() {
        List<WebElement> list = browser.findElements(By.id("messages"));
        return list.isEmpty() ? "" : list.get(0).getText();
    }

    void screenshot(String name) {
        Browser.screenshot(browser, name);
    }

    // --- scene setting through the tenant's APIs ---

    String scimUser(String userName, String displayName) {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"" + userName + "\",\"displayName\":\""
                + displayName + "\"}");
        assertEquals(201, created.status(), created.text());
        return created.json().getString("id");
    }

    String scimGroup(String displayName, List<String> members) {
        StringBuilder json = new StringBuilder("{\"displayName\":\"").append(displayName).append("\",\"members\":[");
        for (int i = 0; i < members.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"value\":\"").append(members.get(i)).append("\"}");
        }
        ScimClient.Response created = scim.post("Groups", json.append("]}").toString());
        assertEquals(201, created.status(), created.text());
        return created.json().getString("id");
    }

    /** Adds members with SCIM PATCH, 500 per request (as an IdP does for big groups). */
    void addMembers(String groupId, List<String> userIds) {
        for (int from = 0; from < userIds.size(); from += 500) {
            List<String> chunk = userIds.subList(from, Math.min(userIds.size(), from + 500));
            StringBuilder values = new StringBuilder();
            for (String id : chunk) {
                values.append(values.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
            }
            ScimClient.Response patched = scim.send(scim.request("Groups/" + groupId)
                    .header("Content-Type", "application/scim+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                            + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values + "]}]}")));
            assertEquals(204, patched.status(), patched.text());
        }
    }

    /** Many SCIM users, returned as ids. */
    List<String> scimUsers(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(scimUser(prefix + i + "@example.test", prefix + " " + i));
        }
        return ids;
    }

    long subAccount(String name) {
        ScimClient.Response created = admin.send(admin.request("sub-accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")));
        assertEquals(201, created.status(), created.text());
        return created.json().getJsonNumber("id").longValue();
    }

    long subAccountIdByName(String name) {
        for (JsonValue s : admin.get("sub-accounts").json().getJsonArray("subAccounts")) {
            if (s.asJsonObject().getString("name").equals(name)) {
                return s.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("no sub-account " + name);
    }

    long roleId(String name) {
        for (JsonValue role : admin.get("roles").json().getJsonArray("roles")) {
            if (role.asJsonObject().getString("name").equals(name)) {
                return role.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("no role " + name);
    }

    void map(String groupId, Long subAccountId, long roleId) {
        ScimClient.Response created = admin.send(admin.request("groups/" + groupId + "/mappings")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"roleId\":" + roleId + ",\"subAccountId\":" + subAccountId + "}")));
        assertEquals(201, created.status(), created.text());
    }

    @Override
    public void close() {
        Browser.quit(browser);
    }
}
