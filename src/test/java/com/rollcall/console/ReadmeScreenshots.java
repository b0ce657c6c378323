package com.rollcall.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rollcall.testing.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Retakes the screenshots of docs/screenshots that show scripts/run.sh's demo data: not part of any build (its name
 * matches neither *Test nor *IT). Start the demo, then
 * <pre>
 * ROLLCALL_DOCS_URL=http://localhost:8080/ ROLLCALL_DOCS_PASSWORD=… ROLLCALL_CHROME_BINARY=$(command -v chromium) \
 *   ROLLCALL_CHROMEDRIVER=$(command -v chromedriver) mvn -o test -Dtest=ReadmeScreenshots
 * </pre>
 * Desktop pages at 1280×800, and Users, API clients and a group page at 400 px wide.
 */
class ReadmeScreenshots {
    private WebDriver browser;
    private WebDriverWait wait;
    private String base;

    @Test
    void retake() throws IOException {
        base = System.getenv("ROLLCALL_DOCS_URL");
        String password = System.getenv("ROLLCALL_DOCS_PASSWORD");
        assumeTrue(base != null && password != null, "set ROLLCALL_DOCS_URL and ROLLCALL_DOCS_PASSWORD");
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(base + "login.xhtml");
            visible("username").sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("sign-in")).click();
            visible("signed-in-as");

            shoot("console/dashboard.xhtml", "dashboard");
            shoot("console/users/list.xhtml", "users");
            browser.findElement(By.linkText("Amara Okafor")).click();
            visible("user-groups");
            String amara = browser.getCurrentUrl().replaceAll(".*id=", "");
            save("users-detail");
            scrollTo("user-groups");
            save("users-detail-groups");
            shoot("console/effective-access.xhtml?user=" + amara, "access-effective-access");
            shoot("console/api-clients.xhtml", "api-clients");
            shoot("console/readiness.xhtml", "readiness");

            browser.get(base + "console/audit.xhtml?resourceType=Group");
            browser.findElement(By.cssSelector("#events details summary")).click();
            scrollTo("events");
            save("audit");

            browser.get(base + "console/settings.xhtml");
            visible("mode:switch").click();
            visible("confirm-connected-dialog");
            save("settings-confirm");
            visible("confirm-connected:cancel").click();

            browser.get(base + "console/sub-accounts.xhtml");
            visible("create-form:name").sendKeys("emea");
            browser.findElement(By.id("create-form:create")).click();
            visible("create-form:name-message");
            save("access-sub-accounts");

            browser.get(base + "console/groups/list.xhtml");
            browser.findElement(By.linkText("Communications Team")).click();
            visible("members");
            String group = browser.getCurrentUrl();
            save("access-group-detail");

            browser.manage().window().setSize(new Dimension(400, 860));
            shoot("console/users/list.xhtml", "users-narrow");
            browser.get(base + "console/api-clients.xhtml");
            scrollTo("clients:client-table");
            save("api-clients-narrow");
            browser.get(group);
            scrollTo("members-title");
            save("group-narrow");
        } finally {
            browser.quit();
        }
    }

    private void shoot(String path, String name) throws IOException {
        browser.get(base + path);
        visible("page-title");
        save(name);
    }

    private void save(String name) throws IOException {
        Path shot = Browser.screenshot(browser, "docs-" + name);
        Path target = Path.of("docs", "screenshots", name + ".png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Scrolls the element to the top of the window, a little below the edge. */
    private void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var e = document.getElementById(arguments[0]); window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 16);",
                id);
    }

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }
}
