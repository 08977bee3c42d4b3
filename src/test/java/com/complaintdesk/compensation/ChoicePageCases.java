package com.complaintdesk.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Cases brought to the customer's choice as agents work them, and the choice page as a browser uses it. */
final class ChoicePageCases {

    static final String ANA = "ana";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+(/choice/[A-Za-z0-9_\\-.]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Offered(Opened opened, String path) {}

    private final Tasklist tasklist;
    private final TestRestTemplate http;

    ChoicePageCases(Tasklist tasklist, TestRestTemplate http) {
        this.tasklist = tasklist;
        this.http = http;
    }

    /** A damaged-mug case in this language, offered full refund or reshipment; the link from the offer sent. */
    Offered offered(String language, String text) {
        Map<String, Object> body = SampleComplaint.body("instagram", "ig-" + UUID.randomUUID(), 20, text, language);
        Opened c = tasklist.open(ANA, body);
        String pi = c.processInstanceId();
        tasklist.work(
                ANA,
                pi,
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T2",
                Var.CATEGORY,
                "packaging_damage",
                Var.ESCALATE_TO_CRISIS,
                false,
                Var.TRIAGE_NOTE,
                "Mug broken in transit.");
        tasklist.work(
                ANA,
                pi,
                Activity.DRAFT_REPLY,
                Var.REPLY_APOLOGY,
                "Mia, we are very sorry the mug arrived broken, and thank you for telling us.",
                Var.REPLY_CAUSE,
                "We checked: the parcel was crushed on the way to you.",
                Var.REPLY_SOLUTION,
                "We will refund or replace it within two days, as you prefer.",
                Var.REPLY_INVITATION,
                "We have sent you a message here on Instagram to arrange it.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                pi,
                Activity.PREPARE_FOLLOW_UP,
                Var.FOLLOW_UP_FINDINGS,
                "Tracking shows the parcel was crushed in the sorting centre.",
                Var.ROOT_CAUSE,
                "logistics",
                Var.CUSTOMER_TYPE,
                "compensation",
                Var.CONTACT_CHANNEL,
                "platform_message",
                Var.OPENING_SCRIPT,
                "Hello Mia, this is Ana from the shop's customer care. We are sorry about the broken mug.",
                Var.RESOLUTION_STEPS,
                "1. You choose a remedy. 2. We carry it out within two days.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                pi,
                Activity.CONTACT_CUSTOMER,
                Var.FOLLOW_UP_MESSAGE,
                "Hello Mia, this is Ana from customer care. We are sorry about the mug; you will get two options to choose from.",
                Var.CONTACT_OUTCOME,
                "reached",
                Var.CONTACT_SUMMARY,
                "She would like a quick solution.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                pi,
                Activity.OFFER_COMPENSATION,
                Var.COMPENSATION_OPTION_1,
                "full_refund",
                Var.COMPENSATION_OPTION_2,
                "reshipment",
                Var.COMPENSATION_AMOUNT_2,
                19.25,
                Var.OFFER_MESSAGE,
                "We are sorry about the mug. Please choose what suits you best:",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.awaitTask(ANA, pi, Activity.RECORD_CUSTOMER_CHOICE);
        String offer = tasklist.poll(() -> offerText(c.caseId()), () -> "no offer sent for " + c.caseId());
        Matcher link = LINK.matcher(offer);
        assertThat(link.find()).as(offer).isTrue();
        return new Offered(c, link.group(1));
    }

    private String offerText(String caseId) {
        JsonNode messages =
                tasklist.get("sam", "/api/complaints/" + caseId + "/messages").getBody();
        for (JsonNode m : messages) {
            if ("COMPENSATION_OFFER".equals(m.path("kind").asText())) {
                return m.path("text").asText();
            }
        }
        return null;
    }

    /** The page as one browser sees it: its session cookie and the form's CSRF token. */
    final class Visit {
        String cookie;
        String csrf;

        ResponseEntity<String> open(String path) {
            ResponseEntity<String> page =
                    http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
            List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
            if (cookies != null && !cookies.isEmpty()) {
                cookie = cookies.get(0).split(";", 2)[0];
            }
            Matcher token = CSRF.matcher(page.getBody() == null ? "" : page.getBody());
            if (token.find()) {
                csrf = token.group(1);
            }
            return page;
        }

        ResponseEntity<String> choose(String path, String option) {
            return post(path, option, csrf);
        }

        ResponseEntity<String> post(String path, String option, String csrfToken) {
            HttpHeaders headers = headers();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("option", option);
            if (csrfToken != null) {
                form.add("_csrf", csrfToken);
            }
            return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        }

        private HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(MediaType.TEXT_HTML));
            if (cookie != null) {
                headers.add(HttpHeaders.COOKIE, cookie);
            }
            return headers;
        }
    }
}
