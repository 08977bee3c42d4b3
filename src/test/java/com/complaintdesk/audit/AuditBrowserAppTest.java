package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Browser;
import com.complaintdesk.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An auditor logs in to Cockpit, searches cases on the audit page in a real (headless) browser and opens one. */
@AppTest
@ExtendWith(Browser.class)
class AuditBrowserAppTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlaEvents slaEvents;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            shoot(getClass().getSimpleName());
            browser.quit();
        }
    }

    @Test
    void anAuditorSearchesByCustomerAndTierThenOpensAndPrintsACase() throws Exception {
        SeededCases seeds = new SeededCases(jdbc);
        SeededCases.Builder crisis = seeds.posted(9, "instagram", "ig-crisis").customer("cust-b", "Mia Chen")
                .order("ord-b1").triage("T1", "safety").breached().compensation("full_refund", "38.50").review("updated")
                .text("The kettle sparked and burnt my table!");
        crisis.insert();
        String general = seeds.posted(11, "wechat", "wx-general").customer("cust-b", "Mia Chen").triage("T3", "suggestion")
                .open().text("能不能出一个大一点的尺寸？").insert();
        seeds.posted(10, "ebay", "eb-other").customer("cust-other", "Someone Else").insert();
        slaEvents.record(new SlaEvent(crisis.id, null, SlaEvent.FIRST_RESPONSE, SlaEvent.BREACHED, "T1",
                seeds.at(10, 0), seeds.at(10, 0), null));

        browser = Browser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Username']"))).sendKeys("audrey");
        browser.findElement(By.cssSelector("input[placeholder='Password']")).sendKeys(TestDatabase.password());
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[placeholder='Password']")));

        browser.get("http://localhost:" + port + "/audit/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "cases"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Case search / 案件查询");
        browser.findElement(By.name("customer")).sendKeys("cust-b-" + seeds.run);
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("summary"), "2 cases / 件"));
        assertThat(resultExternalIds()).containsExactly(general, crisis.externalId);
        assertThat(browser.findElement(By.cssSelector("#results tbody tr[data-case-id='" + crisis.id + "']")).getText())
                .contains("T1 Crisis / 危机", "Safety / 安全", "Yes / 是", "Full refund / 全额退款 38.50", "Review updated");
        assertThat(browser.getCurrentUrl()).contains("customer=cust-b-" + seeds.run);

        new Select(browser.findElement(By.name("tier"))).selectByValue("T1");
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("summary"), "1 case / 件"));
        assertThat(resultExternalIds()).containsExactly(crisis.externalId);
        assertThat(browser.findElement(By.id("exportCsv")).getAttribute("href"))
                .contains("/api/audit/cases/export?", "customer=cust-b-" + seeds.run, "tier=T1", "format=csv");
        shoot(getClass().getSimpleName() + "-search");

        browser.findElement(By.linkText(crisis.externalId)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), crisis.externalId));
        assertThat(browser.findElement(By.id("record")).getText())
                .contains("Mia Chen " + seeds.run, "ord-b1-" + seeds.run, "T1 Crisis / 危机", "Full refund / 全额退款");
        assertThat(browser.findElement(By.id("text")).getText()).isEqualTo("The kettle sparked and burnt my table!");
        WebElement breach = browser.findElement(By.cssSelector("#slaEvents tbody td.breached"));
        assertThat(breach.getText()).isEqualTo("Breached / 超时");
        assertThat(browser.findElement(By.id("slaEvents")).getText()).contains("First response / 首次响应");
        assertThat(browser.findElement(By.id("messages")).getText()).contains("None / 无");

        // printed, the page keeps the file and drops the buttons
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.id("print")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("printedAt")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("record")).isDisplayed()).isTrue();
    }

    private List<String> resultExternalIds() {
        return browser.findElements(By.cssSelector("#results tbody tr[data-case-id] td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
    }

    private void shoot(String name) throws Exception {
        Path shot = Path.of("target", "browser", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
