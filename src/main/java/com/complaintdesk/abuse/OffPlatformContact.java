package com.complaintdesk.abuse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E2: finds where a customer pushes to continue off the platform's own chat: asking to be added on WeChat,
 * WhatsApp, Telegram, LINE or QQ, to talk privately (加微信, 私聊), or leaving a phone number or an e-mail address.
 * English and Chinese. A pure function of the text, so it runs on the complaint and on every later message alike.
 */
public final class OffPlatformContact {

    private static final List<Pattern> PATTERNS = List.of(
            // asking to move to a messenger: "add me on WeChat", "contact me on whatsapp", "my telegram is …"
            Pattern.compile(
                    "\\b(?:add|contact|message|text|call|reach|find|dm)\\s+me\\s+(?:on|via|at|through|in)\\s+"
                            + "(?:wechat|weixin|whatsapp|whats\\s?app|telegram|line|viber|signal|skype|qq|kakao(?:talk)?)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "\\bmy\\s+(?:wechat|weixin|whatsapp|telegram|line|skype|qq|phone|number|email|e-mail)"
                            + "(?:\\s+(?:id|number|is|:))+",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "\\b(?:wechat|weixin|whatsapp|telegram|wa\\.me|t\\.me)\\b\\s*(?:id)?\\s*[:：]\\s*\\S+",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:wa\\.me|t\\.me)/\\S+", Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "\\b(?:talk|chat|discuss|settle\\s+this)\\s+(?:privately|in\\s+private|outside\\s+(?:of\\s+)?"
                            + "(?:the\\s+)?(?:app|platform|ebay|instagram))",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:加(?:我)?(?:的)?(?:微信|薇信|威信|vx|VX|v信|V信|wx|WX|qq|QQ|好友|电话)|私聊|私信我|微信号|"
                    + "(?:微信|vx|wx)\\s*[:：]|联系(?:我|方式)的?(?:电话|微信|手机)|打(?:我)?电话|手机号|电话号码|"
                    + "线下(?:聊|谈|解决))"),
            // an e-mail address
            Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"),
            // a phone number: international (+…), a Chinese mobile number, or digits right after "call", "电话" …;
            // order numbers and dates alone are not phone numbers
            Pattern.compile("(?<![\\w+])\\+\\d[\\d\\s.-]{7,16}\\d"),
            Pattern.compile("(?<!\\d)1[3-9]\\d(?:[\\s-]?\\d{4}){2}(?!\\d)"),
            Pattern.compile(
                    "(?i)\\b(?:call|phone|tel|text)\\b\\D{0,12}\\d[\\d\\s.-]{6,16}\\d|(?:电话|手机)\\D{0,6}\\d[\\d\\s-]{6,16}\\d"));

    private OffPlatformContact() {}

    /** The phrases of {@code text} that push off the platform, in the order found; empty for none or no text. */
    public static List<String> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group().strip());
            }
        }
        return List.copyOf(found);
    }

    /** The phrases found in any of the texts (null texts are skipped). */
    public static List<String> find(List<String> texts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            found.addAll(find(text));
        }
        return List.copyOf(found);
    }
}
