package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Browser;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Console form login, the dashboard behind it, and logout, in headless Chromium. */
@ExtendWith(RollcallServer.class)
class LoginUiIT {
    private final Tenant tenant = TestTenants.create("Console");
    private final String base = RollcallServer.get().baseUrl();
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void close() {
        Browser.quit(browser);
    }

    @Test
    void dashboardAsksForLoginThenShowsTheAdminsEnterprise() {
        browser.get(base + "console/dashboard.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), browser.getCurrentUrl());
        Browser.screenshot(browser, "login");

        signIn(tenant.adminLogin(), tenant.adminPassword());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprise-name")));
        assertEquals(tenant.name(), browser.findElement(By.id("enterprise-name")).getText());
        assertEquals("Managed in Platform", browser.findElement(By.id("provisioning-mode")).getText());
        Browser.screenshot(browser, "dashboard");

        browser.findElement(By.id("logout-form:logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
        browser.get(base + "console/dashboard.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), "logged out: the dashboard asks for login again");
    }

    @Test
    void wrongPasswordSaysOnlyThatLoginFailed() {
        browser.get(base + "login.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));

        signIn(tenant.adminLogin(), "wrong password");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-messages")));
        String message = browser.findElement(By.id("login-messages")).getText();
        assertTrue(message.startsWith("Login failed"), message);
        assertFalse(message.toLowerCase().contains("password is wrong"), "does not say which part was wrong");
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"));
        Browser.screenshot(browser, "login-failed");
    }

    private void signIn(String login, String password) {
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }
}
