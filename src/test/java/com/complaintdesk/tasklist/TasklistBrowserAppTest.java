package com.complaintdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Browser;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An agent works a case in the real Tasklist, in a real (headless) browser: triage, then the prefilled reply. */
@AppTest
@ExtendWith(Browser.class)
class TasklistBrowserAppTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    Outbox outbox;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path shot = Path.of("target", "browser", getClass().getSimpleName() + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void anAgentTriagesACaseThenPersonalisesAndSendsThePrefilledReplyInTasklist() {
        String customer = "Browser Customer " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> complaint = SampleComplaint.instagram(5);
        SampleComplaint.child(complaint, "customer").put("name", customer);
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", complaint, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String processInstanceId = created.getBody().path("processInstanceId").asText();

        browser = Browser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Username']")))
                .sendKeys("ana");
        browser.findElement(By.cssSelector("input[placeholder='Password']")).sendKeys(TestDatabase.password());
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        openAndClaim(wait, customer, "Confirm triage");
        WebElement note =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[id$='Field_TriageNote']")));
        assertThat(browser.findElement(By.xpath("//label[contains(., 'Tier / 等级')]"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_Text']"))
                        .getAttribute("value"))
                .isEqualTo(complaint.get("text"));
        type(note, "Checked the courier scan: box crushed in transit.");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline
                && tasks.createTaskQuery()
                                .processInstanceId(processInstanceId)
                                .taskDefinitionKey(ComplaintLifecycle.Activity.CONFIRM_TRIAGE)
                                .count()
                        > 0) {
            Thread.onSpinWait();
        }
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(ComplaintLifecycle.Activity.CONFIRM_TRIAGE)
                        .count())
                .as("triage completed")
                .isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .variableName(ComplaintLifecycle.Var.TRIAGE_NOTE)
                        .singleResult()
                        .getValue())
                .isEqualTo("Checked the courier scan: box crushed in transit.");
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(ComplaintLifecycle.Activity.CONFIRM_TRIAGE)
                        .singleResult()
                        .getAssignee())
                .isEqualTo("ana");

        // P6: the reply form comes prefilled from the templates, the customer's name already in; the agent writes
        // the facts of this case into the remaining blanks and sends it on
        // on in the same page, as a person would: the filter's list refreshes and shows the next task
        openAndClaim(wait, customer, "Draft reply");
        WebElement apology = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[id$='Field_ReplyApology']")));
        String prefilledApology = apology.getAttribute("value");
        assertThat(prefilledApology)
                .as("prefilled apology")
                .startsWith(customer)
                .doesNotContain("[name]");
        type(
                browser.findElement(By.cssSelector("textarea[id$='Field_ReplyCause']")),
                "We checked: the box of this batch is too thin and gets crushed in transit.");
        type(
                browser.findElement(By.cssSelector("textarea[id$='Field_ReplySolution']")),
                "We are sending you a new mug today; it arrives by Friday, and you keep the broken one.");
        type(
                browser.findElement(By.cssSelector("textarea[id$='Field_ReplyInvitation']")),
                "We have sent you a direct message to confirm your address.");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));

        String caseId = created.getBody().path("caseId").asText();
        long published = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < published && outbox.forCase(caseId).isEmpty()) {
            Thread.onSpinWait();
        }
        assertThat(outbox.forCase(caseId)).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(MessageKind.REPLY);
            assertThat(reply.text())
                    .isEqualTo(prefilledApology.strip()
                            + "\n\nWe checked: the box of this batch is too thin and gets crushed in transit."
                            + "\n\nWe are sending you a new mug today; it arrives by Friday, and you keep the broken one."
                            + "\n\nWe have sent you a direct message to confirm your address.");
        });
    }

    /**
     * Replaces a field's text as a person types it, then leaves the field: the form takes typed text over after a
     * short debounce, so the test waits that long before it goes on.
     */
    private void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
        field.sendKeys(org.openqa.selenium.Keys.TAB);
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Clicks an element after scrolling it to the middle of the view (a long form's button can sit under the footer). */
    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** In "My groups' open tasks" (the first filter, listing the case's variables), opens the case's task and claims it. */
    private void openAndClaim(WebDriverWait wait, String customer, String taskName) {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[contains(text(), \"My groups' open tasks\")]")))
                .click();
        By task = By.xpath("//li[contains(@class, 'task')][.//*[contains(text(), '" + customer
                + "')]][.//*[contains(text(), '" + taskName + "')]]//a");
        // the list may be drawn again between finding the task and clicking it (it refreshes itself): find it again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            driver.findElement(task).click();
            return true;
        });
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())='Claim']")))
                .click();
    }
}
