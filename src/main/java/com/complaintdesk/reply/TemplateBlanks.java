package com.complaintdesk.reply;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.lifecycle.EngineClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The blanks of a template ("[date]", "[称呼]") (X1, P6): the ones the case already knows (the customer's name,
 * the order, the product) are filled in as soon as a template is chosen
 * ({@code ${templateBlanks.fillCaseFacts(execution)}}); the rest are the agent's to fill, and nothing with a blank
 * left in it reaches a customer.
 */
@Component
public class TemplateBlanks {

    /** A blank: square brackets around a short hint, in English or Chinese. */
    static final Pattern BLANK = Pattern.compile("\\[[^\\[\\]\\n]{1,80}\\]");

    /** The customer-facing texts a template prefills. */
    static final List<String> PREFILLED = List.of(
            Var.REPLY_APOLOGY,
            Var.REPLY_CAUSE,
            Var.REPLY_SOLUTION,
            Var.REPLY_INVITATION,
            Var.OPENING_SCRIPT,
            Var.REVIEW_REQUEST_TEXT);

    /** The blanks still in a text, in order. */
    public static List<String> blanks(String text) {
        List<String> found = new ArrayList<>();
        if (text != null) {
            Matcher m = BLANK.matcher(text);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** Fills the blanks named in {@code facts} (without brackets, any case); other blanks stay. */
    public static String fill(String text, Map<String, String> facts) {
        if (text == null) {
            return null;
        }
        Matcher m = BLANK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String hint = m.group().substring(1, m.group().length() - 1).strip().toLowerCase(Locale.ROOT);
            String value = facts.get(hint);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What the case knows for the templates' blanks. */
    static Map<String, String> facts(DelegateExecution execution) {
        Map<String, String> facts = new LinkedHashMap<>();
        String name = EngineClock.string(execution, Var.CUSTOMER_NAME);
        String language = EngineClock.string(execution, Var.LANGUAGE);
        boolean chinese = language != null && language.toLowerCase(Locale.ROOT).startsWith("zh");
        boolean unnamed = name == null || name.isBlank();
        // "Hi there," in English; in Chinese the greeting 您好 stands alone
        facts.put("name", unnamed ? (chinese ? "" : "there") : name);
        facts.put("称呼", unnamed ? "" : name);
        put(facts, EngineClock.string(execution, Var.ORDER_ID), "order number", "订单号");
        put(facts, EngineClock.string(execution, Var.PRODUCT_TITLE), "product", "商品");
        return facts;
    }

    private static void put(Map<String, String> facts, String value, String... hints) {
        if (value != null && !value.isBlank()) {
            for (String hint : hints) {
                facts.put(hint, value);
            }
        }
    }

    /** Execution listener after a template is chosen: fills what the case knows into every prefilled text. */
    @ProcessExpression("Fills what the case knows into the prefilled reply texts")
    public void fillCaseFacts(DelegateExecution execution) {
        Map<String, String> facts = facts(execution);
        for (String name : PREFILLED) {
            Object text = execution.getVariable(name);
            if (text instanceof String s) {
                execution.setVariable(name, fill(s, facts));
            }
        }
    }
}
