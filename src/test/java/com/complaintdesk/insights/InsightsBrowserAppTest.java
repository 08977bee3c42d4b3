package com.complaintdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Browser;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * #6, A1, A5: an auditor logged in to Cockpit opens the insights dashboard in a real (headless) browser, chooses week
 * 10 of 1987 ({@link March1987}, seeded in UTC, the application's zone here), then March: the charts are drawn by
 * Chart.js with the seeded figures and the tables show them. Screenshots are kept under {@code target/browser/}.
 */
@AppTest
@ExtendWith(Browser.class)
class InsightsBrowserAppTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private InsightsSeeds seeds;
    private ChromeDriver browser;

    @BeforeEach
    void seed() {
        seeds = March1987.seed(jdbc, ZoneOffset.UTC);
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (browser != null) {
                Browser.screenshot(browser, getClass().getSimpleName());
                browser.quit();
            }
        } finally {
            seeds.clean();
        }
    }

    @Test
    void anAuditorChoosesAWeekThenAMonthAndSeesTheirChartsAndFigures() throws Exception {
        browser = Browser.start();
        WebDriverWait wait = Browser.logInToCockpit(browser, port, "audrey");
        browser.get("http://localhost:" + port + "/insights/");
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.tagName("body")), "data-period"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Complaint insights / 投诉分析");
        assertThat(browser.findElement(By.linkText("Retrospectives / 复盘")).getAttribute("href"))
                .endsWith("/insights/retrospectives.html");

        new Select(browser.findElement(By.id("granularity"))).selectByValue("week");
        choose("1987-W10", "3");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-period", "1987-W10"));

        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("1987-W10: 7 cases / 件");
        assertThat(browser.getCurrentUrl()).contains("granularity=week", "period=1987-W10", "periods=3");
        assertThat(browser.findElements(By.cssSelector(".charts canvas"))).hasSize(4);
        assertThat(chartLabels("chartCategories"))
                .isEqualTo("[\"Packaging damage / 包装破损\",\"Product quality / 产品质量\","
                        + "\"Shipping delay / 物流延迟\",\"Safety / 安全\",\"Service attitude / 服务态度\",\"Suggestion / 建议\"]");
        assertThat(chartData("chartCategories"))
                .isEqualTo("[[\"1987-W10 / 本期\",[3,1,1,1,0,0]],[\"1987-W09 / 上期\",[0,2,2,0,1,1]]]");
        assertThat(chartLabels("chartTrend")).isEqualTo("[\"1987-W08\",\"1987-W09\",\"1987-W10\"]");
        assertThat(chartData("chartTrend"))
                .isEqualTo("[[\"Packaging damage / 包装破损\",[0,0,3]],"
                        + "[\"Product quality / 产品质量\",[0,2,1]],[\"Safety / 安全\",[0,0,1]]]");
        assertThat(chartLabels("chartSla")).isEqualTo("[\"T1 Crisis / 危机\",\"T2 Important / 重要\",\"T3 General / 一般\"]");
        assertThat(chartData("chartSla"))
                .isEqualTo("[[\"First response / 首次响应\",[100,66.7,50]]," + "[\"Resolution / 解决\",[0,66.7,100]]]");
        // instagram: 3 of 1500 reviews in week 9, 2 of 100 in week 10; no other channel has a share
        assertThat(chartData("chartShare")).isEqualTo("[[\"Instagram\",[null,0.2,2]]]");

        assertThat(rows("categories"))
                .containsExactly(
                        "Packaging damage / 包装破损 3 0 Yes / 是 Yes / 是 No / 否",
                        "Product quality / 产品质量 1 2 Yes / 是 No / 否 Yes / 是",
                        "Shipping delay / 物流延迟 1 2 No / 否 No / 否 Yes / 是",
                        "Safety / 安全 1 0 Yes / 是 Yes / 是 No / 否",
                        "Service attitude / 服务态度 0 1 No / 否 No / 否 Yes / 是",
                        "Suggestion / 建议 0 1 No / 否 No / 否 Yes / 是");
        assertThat(rows("sla")).contains("T2 Important / 重要 First response / 首次响应 3 1 66.7 %");
        assertThat(rows("times"))
                .contains(
                        "All / 全部 First response / 首次响应 5 2 h 0 min 5 h 0 min",
                        "T3 General / 一般 Resolution / 解决 0 — —");
        assertThat(rows("escalations")).containsExactly("T1 Crisis / 危机 1", "T2 Important / 重要 3", "T3 General / 一般 1");
        assertThat(rows("reviewRequests")).containsExactly("4 2 50.0 %");
        assertThat(rows("compensation"))
                .containsExactly(
                        "Coupon for the next order / 下次购物优惠券 CNY 1 5.00",
                        "Full refund / 全额退款 USD 2 130.00",
                        "Partial refund / 部分退款 EUR 1 12.50");
        assertThat(rows("negativeShare"))
                .contains(
                        "Instagram 2 100 2.0 %",
                        "WeChat / 微信 2 Not recorded / 未记录 — (" + NegativeShare.NO_TOTALS + ")");
        assertThat(rows("byRootCause"))
                .containsExactly("Product quality / 产品质量 3", "Logistics / 物流 2", "Not recorded yet / 尚未记录 2");
        assertThat(browser.findElement(By.id("downloadCsv")).getAttribute("href"))
                .endsWith("/api/insights/reports/1987-W10.csv");
        Browser.screenshot(browser, getClass().getSimpleName() + "-week");

        new Select(browser.findElement(By.id("granularity"))).selectByValue("month");
        choose("1987-03", "2");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-period", "1987-03"));
        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("1987-03: 10 cases / 件");
        assertThat(chartData("chartCategories"))
                .isEqualTo("[[\"1987-03 / 本期\",[4,1,1,1,1,1]],[\"1987-02 / 上期\",[0,3,2,1,0,0]]]");
        assertThat(chartLabels("chartTrend")).isEqualTo("[\"1987-02\",\"1987-03\"]");
        assertThat(chartData("chartShare")).isEqualTo("[[\"Instagram\",[0.4,0.3]],[\"WeChat / 微信\",[null,10]]]");
        assertThat(rows("reviewRequests")).containsExactly("5 3 60.0 %");
    }

    private void choose(String period, String periods) {
        WebElement input = browser.findElement(By.id("period"));
        input.clear();
        input.sendKeys(period);
        WebElement trend = browser.findElement(By.id("trendPeriods"));
        trend.clear();
        trend.sendKeys(periods);
        browser.findElement(By.id("show")).click();
    }

    /** The chart's labels as JSON, read from the Chart.js instance drawn on the canvas. */
    private String chartLabels(String canvas) {
        return (String) browser.executeScript(
                "return JSON.stringify(Chart.getChart(document.getElementById(arguments[0])).data.labels)", canvas);
    }

    /** The chart's datasets as JSON pairs [label, data], read from the Chart.js instance drawn on the canvas. */
    private String chartData(String canvas) {
        return (String) browser.executeScript(
                "return JSON.stringify(Chart.getChart(document.getElementById(arguments[0]))"
                        + ".data.datasets.map(d => [d.label, d.data]))",
                canvas);
    }

    private List<String> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(WebElement::getText)
                .map(text -> text.replaceAll("\\s+", " ").strip())
                .toList();
    }
}
