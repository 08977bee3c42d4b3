package com.complaintdesk.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium and ChromeDriver for tests of real pages. Where they are not installed the
 * browser tests skip with a message; CI installs them and fails if a browser test was skipped.
 */
public final class Browser implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium found");
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped: install Debian's chromium, chromium-driver "
                + "and fonts-noto-cjk (" + CHROMIUM + ", " + CHROMEDRIVER + ") to run them");
    }

    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1400,1300",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /**
     * Logs in to Cockpit as {@code user} (with the test users' password), which also opens the application's own pages
     * (audit, insights) for that user in this browser; returns a wait of 40 seconds for what comes next.
     */
    public static WebDriverWait logInToCockpit(ChromeDriver browser, int port, String user) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[placeholder='Password']")).sendKeys(TestDatabase.password());
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[placeholder='Password']")));
        return wait;
    }

    /** Keeps what the browser shows as {@code target/browser/<name>.png}, a test artifact. */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path shot = Path.of("target", "browser", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
