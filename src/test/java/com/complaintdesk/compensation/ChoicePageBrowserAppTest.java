package com.complaintdesk.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.compensation.ChoicePageCases.Offered;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Browser;
import com.complaintdesk.support.Tasklist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * C2: a customer opens the link from the offer on a phone-sized screen (390 × 844 CSS pixels, as an iPhone 14) in a
 * real (headless) Chromium, reads the options in their language and taps one; the link then says it was used.
 */
@AppTest
@ExtendWith(Browser.class)
class ChoicePageBrowserAppTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    private ChromeDriver browser;
    private ChoicePageCases cases;

    @BeforeEach
    void startAPhone() {
        cases = new ChoicePageCases(new Tasklist(http, management), http);
        browser = Browser.start();
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEnglishCustomerChoosesOnAPhone() throws Exception {
        Offered o = cases.offered("en", "The mug arrived broken, the box was crushed.");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + o.path());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.option")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Choose your compensation");
        List<WebElement> options = browser.findElements(By.cssSelector("button.option"));
        assertThat(options)
                .extracting(WebElement::getText)
                .containsExactly("Full refund", "Replacement sent again", "No compensation needed, thank you");
        assertFitsThePhone(options);
        shoot("ChoicePage-en-phone");

        options.get(1).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you!"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Replacement sent again");
        shoot("ChoicePage-en-phone-chosen");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(o.opened().processInstanceId())
                        .variableName(Var.CHOSEN_COMPENSATION)
                        .singleResult()
                        .getValue())
                .isEqualTo("reshipment");

        browser.get("http://localhost:" + port + o.path());
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "We already have your choice"));
        assertThat(browser.findElements(By.cssSelector("button.option"))).isEmpty();
    }

    @Test
    void aChineseCustomerChoosesOnAPhone() throws Exception {
        Offered o = cases.offered("zh-CN", "杯子收到时已经碎了，盒子被压坏了。");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + o.path());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.option")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("请选择补偿方案");
        List<WebElement> options = browser.findElements(By.cssSelector("button.option"));
        assertThat(options).extracting(WebElement::getText).containsExactly("全额退款", "补发或换新", "不需要补偿，谢谢");
        assertFitsThePhone(options);
        shoot("ChoicePage-zh-phone");

        options.get(0).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "谢谢！"));
        shoot("ChoicePage-zh-phone-chosen");
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(o.opened().processInstanceId())
                        .activityId(Activity.RECORD_CUSTOMER_CHOICE)
                        .finished()
                        .count())
                .isEqualTo(1);
    }

    /** Each button is inside the screen, nothing scrolls sideways, and every button is big enough to tap. */
    private void assertFitsThePhone(List<WebElement> options) {
        Number viewport = (Number) browser.executeScript("return window.innerWidth;");
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(viewport.intValue()).isEqualTo(390);
        assertThat(page.intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(390);
        for (WebElement option : options) {
            assertThat(option.getRect().getX()).isGreaterThanOrEqualTo(0);
            assertThat(option.getRect().getX() + option.getRect().getWidth()).isLessThanOrEqualTo(390);
            assertThat(option.getRect().getHeight()).as("tap target").isGreaterThanOrEqualTo(44);
        }
    }

    private void shoot(String name) throws Exception {
        Path shot = Path.of("target", "browser", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
