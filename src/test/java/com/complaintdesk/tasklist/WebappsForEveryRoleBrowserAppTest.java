package com.complaintdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Browser;
import com.complaintdesk.support.RoleUsers;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine guard (#15) lets every role work its webapp as before: each role that logs in to Tasklist sees its
 * filters and their tasks, each role that logs in to Cockpit sees its dashboard and the processes, in a real
 * browser, and no page shows an error (a refusal the webapp did not expect would show as a red notification).
 */
@AppTest
@ExtendWith(Browser.class)
class WebappsForEveryRoleBrowserAppTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void aCaseToSee() {
        RoleUsers.ensure(identity);
        http.withBasicAuth(RoleUsers.AGENT, TestDatabase.password())
                .postForEntity("/api/complaints", SampleComplaint.instagram(5), String.class);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "ana, tasklist",
        "sam, tasklist",
        "lena, tasklist",
        "olga, tasklist",
        "pia, tasklist",
        "admin, tasklist",
        "sam, cockpit",
        "olga, cockpit",
        "pete, cockpit",
        "audrey, cockpit",
        "admin, cockpit"
    })
    void theRoleWorksItsWebappWithoutAnError(String user, String app) throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
            browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Username']")))
                    .sendKeys(user);
            browser.findElement(By.cssSelector("input[placeholder='Password']")).sendKeys(TestDatabase.password());
            browser.findElement(By.cssSelector("button[type='submit']")).click();
            if (app.equals("tasklist")) {
                WebElement filter = wait.until(
                        ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'My tasks / 我的任务')]")));
                filter.click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".task-filters, [cam-tasklist-filters]")));
            } else {
                wait.until(
                        ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(), 'Processes')]")));
                browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
                wait.until(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.xpath(
                                        "//*[contains(text(), 'complaint-lifecycle')"
                                                + " or contains(text(), 'Complaint lifecycle') or contains(text(), 'Complaint Lifecycle')]")));
            }
            Thread.sleep(1500); // requests the page makes after it is drawn
            Browser.screenshot(browser, getClass().getSimpleName() + "-" + user + "-" + app);
            // the webapps' notifications of a failed request (the Camunda 8 banner is no notification)
            List<String> errors =
                    browser
                            .findElements(By.cssSelector(".notifications .alert-danger, .notifications .alert-error"))
                            .stream()
                            .filter(WebElement::isDisplayed)
                            .map(WebElement::getText)
                            .filter(t -> !t.isBlank())
                            .toList();
            assertThat(errors).as(user + " in " + app).isEmpty();
        } finally {
            browser.quit();
        }
    }
}
