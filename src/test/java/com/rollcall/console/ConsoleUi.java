package com.rollcall.console;

import com.rollcall.testing.Browser;
import com.rollcall.testing.RollcallServer;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless browser signed in to the console, with the few moves every console UiIT makes. */
final class ConsoleUi implements AutoCloseable {
    final WebDriver browser;
    final WebDriverWait wait;
    final String base;

    private ConsoleUi(String base) {
        this.base = base;
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Opens a browser and signs in with this login and password. */
    static ConsoleUi signIn(String login, String password) {
        return signIn(RollcallServer.get().baseUrl(), login, password);
    }

    /** Opens a browser and signs in with this login and password on the server at {@code base} (not the shared one). */
    static ConsoleUi signIn(String base, String login, String password) {
        ConsoleUi ui = new ConsoleUi(base);
        ui.browser.get(ui.base + "login.xhtml");
        ui.visible("username").sendKeys(login);
        ui.browser.findElement(By.id("password")).sendKeys(password);
        ui.browser.findElement(By.id("sign-in")).click();
        ui.visible("signed-in-as");
        return ui;
    }

    /** Opens a browser that is not signed in. */
    static ConsoleUi anonymous() {
        return new ConsoleUi(RollcallServer.get().baseUrl());
    }

    /** Submits the login form with this login and password, and waits for the answer. */
    void attemptLogin(String login, String password) {
        browser.get(base + "login.xhtml");
        visible("username").sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        submit("sign-in");
    }

    /** Opens a console page (path relative to the server root, e.g. "console/settings.xhtml"). */
    ConsoleUi open(String path) {
        browser.get(base + path);
        return this;
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    String text(String id) {
        return visible(id).getText();
    }

    boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    /** Clicks an element that submits a form and waits for the next page to load. */
    void submit(String id) {
        WebElement element = visible(id);
        element.click();
        wait.until(driver -> gone(element));
    }

    /**
     * Whether the element left the document. Chromium reports a replaced document either as a stale
     * element or as "Node with given id does not belong to the document"; both mean the page moved on.
     */
    static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    /** Waits until this element's page has been replaced (after a submit by keyboard, for instance). */
    void awaitGone(WebElement element) {
        wait.until(driver -> gone(element));
    }

    void type(String id, String value) {
        WebElement input = visible(id);
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Types a value past the input's maxlength (which a browser enforces): the attribute is removed first, as a
     * hand-made request would do, so that the server's own check shows.
     */
    void typePastLimit(String id, String value) {
        WebElement input = visible(id);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('maxlength')", input);
        input.clear();
        input.sendKeys(value);
    }

    void screenshot(String name) {
        Browser.screenshot(browser, name);
    }

    @Override
    public void close() {
        Browser.quit(browser);
    }
}
