package com.rollcall.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Debian Chromium through its chromedriver, both given explicitly (ROLLCALL_CHROME_BINARY,
 * ROLLCALL_CHROMEDRIVER, set by scripts/test.sh) so nothing is downloaded. The browser's console log is kept, so a
 * test can tell that the console's Content-Security-Policy refused nothing ({@link #quit}).
 */
public final class Browser {
    private Browser() {
    }

    public static WebDriver open() {
        String binary = require("ROLLCALL_CHROME_BINARY");
        String driver = require("ROLLCALL_CHROMEDRIVER");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,800");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /**
     * What the browser's console said about the Content-Security-Policy since the last look: every inline script,
     * inline event handler, inline style or foreign resource it refused. Empty when the pages kept to the policy.
     */
    public static List<String> cspViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
    }

    /**
     * Closes the browser, failing when the pages it showed broke the Content-Security-Policy (a refused inline
     * script or style is a page that silently does less than it should).
     */
    public static void quit(WebDriver driver) {
        List<String> violations;
        try {
            violations = cspViolations(driver);
        } finally {
            driver.quit();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("the browser refused parts of the pages under the Content-Security-Policy: "
                    + violations);
        }
    }

    /** Saves a screenshot under target/screenshots/NAME.png for review. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of(System.getProperty("user.dir"), "target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the browser tests through scripts/test.sh");
        }
        return value;
    }
}
