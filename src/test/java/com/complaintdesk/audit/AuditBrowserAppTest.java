package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.evidence.EvidenceItem;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.evidence.EvidenceTampering;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Browser;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An auditor logs in to Cockpit and, in a real (headless) browser, searches cases on the audit page, opens a case's
 * file and reads a worked case's timeline.
 */
@AppTest
@ExtendWith(Browser.class)
class AuditBrowserAppTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlaEvents slaEvents;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    EvidenceStore evidence;

    @Autowired
    PlatformTransactionManager transactions;

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
        SeededCases.Builder crisis = seeds.posted(9, "instagram", "ig-crisis")
                .customer("cust-b", "Mia Chen")
                .order("ord-b1")
                .triage("T1", "safety")
                .breached()
                .compensation("full_refund", "38.50")
                .review("updated")
                .text("The kettle sparked and burnt my table!");
        crisis.insert();
        String general = seeds.posted(11, "wechat", "wx-general")
                .customer("cust-b", "Mia Chen")
                .triage("T3", "suggestion")
                .open()
                .text("能不能出一个大一点的尺寸？")
                .insert();
        seeds.posted(10, "ebay", "eb-other")
                .customer("cust-other", "Someone Else")
                .insert();
        slaEvents.record(new SlaEvent(
                crisis.id,
                null,
                SlaEvent.FIRST_RESPONSE,
                SlaEvent.BREACHED,
                "T1",
                seeds.at(10, 0),
                seeds.at(10, 0),
                null));

        WebDriverWait wait = logInToCockpitAsAudrey();

        browser.get("http://localhost:" + port + "/audit/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "cases"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Case search / 案件查询");
        browser.findElement(By.name("customer")).sendKeys("cust-b-" + seeds.run);
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("summary"), "2 cases / 件"));
        assertThat(resultExternalIds()).containsExactly(general, crisis.externalId);
        assertThat(browser.findElement(By.cssSelector("#results tbody tr[data-case-id='" + crisis.id + "']"))
                        .getText())
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

    /**
     * #5, X4: a whole case worked by ana in Tasklist; someone with the database owner's rights later changed the
     * reply as preserved. The auditor finds the case, opens its timeline: every step with who did it and how long it
     * took, the decision's inputs, the altered item marked; hides the variables and prints it.
     */
    @Test
    void anAuditorReadsTheTimelineOfAWorkedCaseFiltersItAndSeesTheAlteredEvidence() throws Exception {
        Tasklist tasklist = new Tasklist(http, management);
        Opened c = TimelineCases.generalSuggestionOnInstagram(tasklist);
        TimelineCases.awaitEnded(tasklist, history, c.processInstanceId());
        EvidenceItem reply = evidence.forCase(c.caseId()).stream()
                .filter(i -> i.kind().equals("outbound"))
                .findFirst()
                .orElseThrow();
        new EvidenceTampering(jdbc, transactions)
                .run(
                        "UPDATE cd_evidence SET content = :content WHERE id = :id",
                        "content",
                        reply.content().replace("thank you so much", "sorry"),
                        "id",
                        reply.id());
        String externalId = c.businessKey().substring("instagram:".length());

        WebDriverWait wait = logInToCockpitAsAudrey();
        browser.get("http://localhost:" + port + "/audit/?externalId=" + externalId);
        wait.until(ExpectedConditions.textToBe(By.id("summary"), "1 case / 件"));
        browser.findElement(By.cssSelector("#results tbody tr[data-case-id='" + c.caseId() + "'] a.timeline"))
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "entries"));
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(c.businessKey());
        assertThat(browser.getCurrentUrl()).contains("/audit/timeline.html?id=" + c.caseId());
        List<WebElement> rows = browser.findElements(By.cssSelector("#entries tbody tr[data-kind]"));
        assertThat(rows).hasSizeGreaterThan(50);
        assertThat(rows.get(0).getText()).contains("Case record / 案件记录", "Posted / 发布");

        List<WebElement> completed =
                browser.findElements(By.cssSelector("#entries tr[data-kind='task'][data-event='completed']"));
        assertThat(completed).extracting(WebElement::getText).hasSize(7).allSatisfy(text -> assertThat(text)
                .contains(
                        "Completed / 完成", "ana", "Candidate groups / 候选组: agents, supervisors", "Claimed by / 领取人: ana")
                .containsPattern("\\d+ (ms|s|min)"));
        assertThat(completed.get(0).getText()).contains("Confirm triage");
        assertThat(completed.get(6).getText()).contains("Close case");
        // the case's decisions (triage, extortion risk, SLA policy …): the triage evaluation with its inputs and
        // outputs
        assertThat(browser.findElements(By.cssSelector("#entries tr[data-kind='decision']")))
                .extracting(WebElement::getText)
                .filteredOn(text -> text.contains("Triage"))
                .first()
                .asString()
                .contains("Evaluated / 评估", "In / 输入:", "Signals = suggestion", "Out / 输出:", "Suggested tier = T3");
        assertThat(browser.findElement(By.cssSelector("#entries tr[data-kind='comment']"))
                        .getText())
                .contains("sam", TimelineCases.TRIAGE_COMMENT);
        assertThat(browser.findElement(By.cssSelector("#entries tr[data-kind='message'][data-event='delivered']"))
                        .getText())
                .contains("Delivered / 已送达", "REPLY on instagram public");

        // X4: the item changed after it was preserved is marked, and so are the ones after it; the chain is broken
        List<String> badges = browser.findElements(By.cssSelector("#entries tr[data-kind='evidence'] .badge")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(badges)
                .containsExactly(
                        "Verified / 已验证",
                        "Verified / 已验证",
                        "Altered / 已被改动",
                        "After a break / 断链之后",
                        "After a break / 断链之后",
                        "After a break / 断链之后");
        assertThat(browser.findElement(By.cssSelector("#entries tr.broken")).getText())
                .contains("Evidence #3: outbound");
        assertThat(browser.findElement(By.id("chain")).getText()).contains("Broken / 已断开", "item 3");
        shoot(getClass().getSimpleName() + "-timeline");

        // hiding the variables keeps the choice in the address
        int all = rows.size();
        int variables = browser.findElements(By.cssSelector("#entries tr[data-kind='variable']"))
                .size();
        assertThat(variables).isPositive();
        browser.findElement(By.cssSelector("#kinds input[value='variable']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "hidden / 已隐藏: Variable / 变量"));
        assertThat(browser.findElements(By.cssSelector("#entries tr[data-kind='variable']")))
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.id("summary")).getText())
                .startsWith(all + " entries, " + (all - variables) + " shown / 共 " + all + " 条，显示 " + (all - variables)
                        + " 条");
        assertThat(browser.getCurrentUrl()).contains("hide=variable");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "hidden / 已隐藏"));
        assertThat(browser.findElement(By.cssSelector("#kinds input[value='variable']"))
                        .isSelected())
                .isFalse();
        assertThat(browser.findElement(By.cssSelector("#kinds input[value='task']"))
                        .isSelected())
                .isTrue();

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.id("kinds")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("printedAt")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("entries")).isDisplayed()).isTrue();
        shoot(getClass().getSimpleName() + "-timeline-print");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        // the case file lists the same evidence with its badges
        browser.findElement(By.id("caseFile")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), externalId));
        assertThat(browser.findElements(By.cssSelector("#evidence tbody tr[data-seq] .badge")).stream()
                        .map(WebElement::getText))
                .contains("Altered / 已被改动")
                .hasSize(6);
        assertThat(browser.findElement(By.id("retrospective")).getText()).isEqualTo("None / 无");
        assertThat(browser.findElement(By.id("timeline")).getAttribute("href"))
                .endsWith("timeline.html?id=" + c.caseId());
    }

    private WebDriverWait logInToCockpitAsAudrey() {
        browser = Browser.start();
        return Browser.logInToCockpit(browser, port, "audrey");
    }

    private List<String> resultExternalIds() {
        return browser.findElements(By.cssSelector("#results tbody tr[data-case-id] td:nth-child(3)")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void shoot(String name) throws Exception {
        Browser.screenshot(browser, name);
    }
}
