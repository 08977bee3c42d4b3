package com.complaintdesk.compensation;

import com.complaintdesk.compensation.CustomerChoices.Status;
import com.complaintdesk.compensation.CustomerChoices.View;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * C2: the customer's choice page, {@code /choice/{token}}, open to anyone holding a signed link: the two or three
 * options of the offer in the customer's language (Chinese or English), one button each, for a phone's screen. The
 * form posts back to the same link with the session's CSRF token. Every refusal is a polite page that changes nothing.
 */
@Controller
class ChoicePageController {

    private final CustomerChoices choices;

    ChoicePageController(CustomerChoices choices) {
        this.choices = choices;
    }

    @GetMapping(value = "/choice/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
        return page(choices.view(token), token, request);
    }

    @PostMapping(value = "/choice/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> choose(
            @PathVariable String token,
            @RequestParam(name = "option", required = false) String option,
            HttpServletRequest request) {
        return page(choices.choose(token, option == null ? "" : option), token, request);
    }

    private static ResponseEntity<String> page(View view, String token, HttpServletRequest request) {
        HttpStatus status =
                switch (view.status()) {
                    case OPEN, CHOSEN -> HttpStatus.OK;
                    case UNKNOWN_OPTION -> HttpStatus.BAD_REQUEST;
                    case INVALID -> HttpStatus.NOT_FOUND;
                    case EXPIRED -> HttpStatus.GONE;
                    case USED, CLOSED -> HttpStatus.CONFLICT;
                };
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(ChoicePage.render(view, request.getContextPath() + "/choice/" + token, csrf));
    }

    /** The page's HTML; every value from the case is escaped. */
    static final class ChoicePage {

        private ChoicePage() {}

        static String render(View view, String action, CsrfToken csrf) {
            boolean zh = "zh".equals(view.language());
            String lang = view.language() == null ? "en" : zh ? "zh-CN" : "en";
            String title = view.language() == null ? "Your choice / 您的选择" : zh ? "请选择补偿方案" : "Choose your compensation";
            StringBuilder body = new StringBuilder();
            String name =
                    view.customerName() == null || view.customerName().isBlank() ? null : esc(view.customerName());
            switch (view.status()) {
                case OPEN, UNKNOWN_OPTION -> {
                    body.append("<h1>").append(title).append("</h1>");
                    body.append("<p>")
                            .append(
                                    zh
                                            ? (name == null ? "您好！" : name + "，您好！") + "给您带来不便，我们深表歉意。请选择最适合您的方案，只需点一下。"
                                            : "Hello" + (name == null ? "" : " " + name)
                                                    + ", we are sorry for the trouble. "
                                                    + "Please choose the option that suits you best: one tap is enough.")
                            .append("</p>");
                    if (view.status() == Status.UNKNOWN_OPTION) {
                        body.append("<p class=\"notice\" role=\"alert\">")
                                .append(zh ? "请从下面的方案中选择一项。" : "Please choose one of the options below.")
                                .append("</p>");
                    }
                    body.append("<form method=\"post\" action=\"")
                            .append(esc(action))
                            .append("\">");
                    if (csrf != null) {
                        body.append("<input type=\"hidden\" name=\"")
                                .append(esc(csrf.getParameterName()))
                                .append("\" value=\"")
                                .append(esc(csrf.getToken()))
                                .append("\">");
                    }
                    for (CustomerChoices.Option option : view.options()) {
                        boolean declined = CompensationOption.DECLINED.equals(option.key());
                        body.append("<button type=\"submit\" name=\"option\" value=\"")
                                .append(esc(option.key()))
                                .append("\" class=\"")
                                .append(declined ? "option secondary" : "option")
                                .append("\">")
                                .append(esc(option.label()))
                                .append("</button>");
                    }
                    body.append("</form><p class=\"small\">")
                            .append(
                                    zh
                                            ? "您的选择会直接发送给我们的客服团队。如有疑问，请直接回复我们的消息。"
                                            : "Your choice goes straight to our customer care team. Questions? Just reply to our message.")
                            .append("</p>");
                }
                case CHOSEN -> {
                    String chosen = view.options().stream()
                            .filter(o -> o.key().equals(view.chosen()))
                            .map(CustomerChoices.Option::label)
                            .findFirst()
                            .orElse(view.chosen());
                    body.append("<h1>")
                            .append(zh ? "谢谢！" : "Thank you!")
                            .append("</h1><p>")
                            .append(
                                    zh
                                            ? "我们已记录您的选择：<strong>" + esc(chosen) + "</strong>。我们会尽快办理，并通过消息告知您进展。"
                                            : "We have recorded your choice: <strong>" + esc(chosen)
                                                    + "</strong>. We will take care of it "
                                                    + "and keep you posted in our messages.")
                            .append("</p>");
                }
                case USED ->
                    body.append("<h1>")
                            .append(zh ? "已收到您的选择" : "We already have your choice")
                            .append("</h1><p>")
                            .append(
                                    zh
                                            ? "这个链接已经使用过，您的选择已记录，无需再次选择。如需更改，请直接回复我们的消息。"
                                            : "This link has already been used and your choice is recorded; there is nothing more to do. "
                                                    + "If you would like to change it, just reply to our message.")
                            .append("</p>");
                case EXPIRED ->
                    body.append("<h1>")
                            .append(zh ? "链接已过期" : "This link has expired")
                            .append("</h1><p>")
                            .append(
                                    zh
                                            ? "抱歉，这个链接已经过期。请直接回复我们的消息，我们很乐意帮您选择。"
                                            : "Sorry, this link is no longer valid. Please reply to our message and we will gladly "
                                                    + "help you choose.")
                            .append("</p>");
                case CLOSED ->
                    body.append("<h1>")
                            .append(zh ? "此方案已不再需要选择" : "This offer is no longer open")
                            .append("</h1><p>")
                            .append(
                                    zh
                                            ? "我们的客服团队已经为您记录了选择，或已向您发送了新的方案。如有疑问，请直接回复我们的消息。"
                                            : "Our team has already recorded your choice, or sent you a newer offer. If anything is "
                                                    + "unclear, just reply to our message.")
                            .append("</p>");
                case INVALID ->
                    body.append("<h1>This link is not valid / 链接无效</h1><p>Please open the link exactly as it "
                            + "was in our message, or reply to the message and we will help you.</p><p lang=\"zh-CN\">"
                            + "请使用我们消息中的原始链接，或直接回复消息，我们会为您处理。</p>");
            }
            return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<meta name=\"robots\" content=\"noindex\"><title>" + title + "</title><style>" + STYLE
                    + "</style></head><body><main>" + body + "</main></body></html>";
        }

        private static String esc(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }

        private static final String STYLE =
                """
                *{box-sizing:border-box}body{margin:0;font:17px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;\
                color:#1f2933;background:#f5f7fa}main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}\
                h1{font-size:1.4rem;margin:.5rem 0 1rem}form{display:flex;flex-direction:column;gap:.75rem;margin:1.25rem 0}\
                .option{display:block;width:100%;min-height:3.25rem;padding:.85rem 1rem;font:inherit;font-weight:600;text-align:left;\
                color:#fff;background:#1f6feb;border:0;border-radius:.6rem;cursor:pointer}.option:focus{outline:3px solid #f0b429}\
                .secondary{color:#1f2933;background:#fff;border:1px solid #cbd2d9;font-weight:400}\
                .notice{padding:.6rem .8rem;background:#fff3c4;border-radius:.4rem}.small{font-size:.9rem;color:#52606d}""";
    }
}
