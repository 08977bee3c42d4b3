package com.complaintdesk.insights;

import static com.complaintdesk.insights.InsightsCases.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.closure.Retrospectives;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Browser;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A4 in a real browser: an owner lists the retrospectives, sees the training case marked and filters by cause. */
@AppTest
@ExtendWith(Browser.class)
class RetrospectivesBrowserAppTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retrospectives retrospectives;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Browser.screenshot(browser, getClass().getSimpleName());
            browser.quit();
        }
    }

    @Test
    void anOwnerListsTheRetrospectivesSeesTheTrainingCaseAndFiltersBySystemicCauses() {
        InsightsCases cases = new InsightsCases(jdbc);
        LocalDate day = LocalDate.of(cases.year, 8, 3);
        String crisis = cases.insert(at(day.minusDays(2), 9), "T1", "safety", "quality", "PB-10K", "It smoked.");
        String late = cases.insert(at(day.minusDays(1), 9), "T2", "shipping_delay", "logistics", null, "Late.");
        retrospectives.record(
                crisis,
                Retrospectives.SYSTEMIC,
                "Batch 7 power banks overheat.",
                "Recall batch 7; new supplier test.",
                true,
                "sam",
                at(day, 9));
        retrospectives.record(
                late,
                Retrospectives.INDIVIDUAL,
                "Agent promised a date nobody checked.",
                "Coaching on F7 with the supervisor.",
                false,
                "sam",
                at(day, 15));

        browser = Browser.start();
        WebDriverWait wait = Browser.logInToCockpit(browser, port, "olga");
        browser.get("http://localhost:" + port + "/insights/retrospectives.html?from=" + day + "&to=" + day);

        wait.until(ExpectedConditions.textToBe(By.id("summary"), "2 retrospectives / 条复盘"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Retrospectives / 案件复盘");
        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr[data-case-id]"));
        assertThat(rows).extracting(r -> r.getAttribute("data-case-id")).containsExactly(late, crisis);
        WebElement training = rows.get(1);
        assertThat(training.getAttribute("class")).isEqualTo("training");
        assertThat(training.getText())
                .contains(
                        "T1",
                        "safety",
                        "Systemic / 系统性",
                        "Batch 7 power banks overheat.",
                        "Recall batch 7; new supplier test.",
                        "Training case / 培训案例",
                        "sam");
        assertThat(rows.get(0).getText()).doesNotContain("Training case / 培训案例");
        assertThat(training.findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("/audit/case.html?id=" + crisis);
        assertThat(training.findElement(By.tagName("a")).getText()).isEqualTo(cases.businessKeyOf(crisis));

        new Select(browser.findElement(By.name("cause"))).selectByValue("systemic");
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("summary"), "1 retrospective / 条复盘"));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr[data-case-id]")))
                .extracting(r -> r.getAttribute("data-case-id"))
                .containsExactly(crisis);
        assertThat(browser.getCurrentUrl()).contains("cause=systemic");
        assertThat(browser.findElement(By.id("exportCsv")).getAttribute("href"))
                .contains("/api/insights/retrospectives.csv?", "cause=systemic", "from=" + day);
    }
}
