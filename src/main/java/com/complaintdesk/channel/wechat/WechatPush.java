package com.complaintdesk.channel.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One push to the mini program's message push URL, in either data format the push settings offer (XML or JSON),
 * read field by field. The bad-review event as documented in
 * https://developers.weixin.qq.com/miniprogram/dev/server/event_push/guarantee/negative.html:
 *
 * <pre>
 * {"ToUserName": "gh_abcdefg", "FromUserName": "oABCD", "CreateTime": 1704038400, "MsgType": "event",
 *  "Event": "wxa_comment_bad_score", "result": {"comment_id": "2272502024443330610"}}
 * </pre>
 *
 * or the same as {@code <xml><ToUserName>…</ToUserName>…<result><comment_id>…</comment_id></result></xml>}.
 * {@code FromUserName} of that event is a fixed WeChat account, not the customer; the customer's openid comes from
 * the review's details. A customer's own message to customer service carries {@code MsgType=text}, their openid in
 * {@code FromUserName}, {@code Content} and {@code MsgId}
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html).
 *
 * @param toUserName   the mini program's original id
 * @param fromUserName who sent it (an openid)
 * @param createdAt    {@code CreateTime}; null when missing
 * @param msgType      {@code event}, {@code text}, …
 * @param event        the event's name when {@code msgType} is {@code event}
 * @param commentId    {@code result.comment_id} of a review event
 * @param msgId        {@code MsgId} of a customer's message, WeChat's unique id for it
 */
record WechatPush(
        String toUserName,
        String fromUserName,
        Instant createdAt,
        String msgType,
        String event,
        String commentId,
        String msgId) {

    static final String EVENT = "event";
    /** The documented event for a new bad (1–2 star) review. */
    static final String BAD_REVIEW = "wxa_comment_bad_score";

    /** The push read from its body; null when the body is neither JSON nor XML. */
    static WechatPush read(byte[] body, ObjectMapper json) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '<') {
            return xml(body);
        }
        try {
            JsonNode root = json.readTree(body);
            return root == null || !root.isObject() ? null : json(root);
        } catch (IOException e) {
            return null;
        }
    }

    boolean isEvent(String name) {
        return EVENT.equals(msgType) && name.equals(event);
    }

    private static WechatPush json(JsonNode root) {
        return new WechatPush(
                text(root.path("ToUserName")),
                text(root.path("FromUserName")),
                instant(text(root.path("CreateTime"))),
                text(root.path("MsgType")),
                text(root.path("Event")),
                text(root.path("result").path("comment_id")),
                text(root.path("MsgId")));
    }

    private static WechatPush xml(byte[] body) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // No DTDs and no external entities: the body is untrusted until it is read.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
        Element root = document.getDocumentElement();
        Element result = child(root, "result");
        return new WechatPush(
                value(root, "ToUserName"),
                value(root, "FromUserName"),
                instant(value(root, "CreateTime")),
                value(root, "MsgType"),
                value(root, "Event"),
                result == null ? null : value(result, "comment_id"),
                value(root, "MsgId"));
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static String value(Element parent, String name) {
        Element element = child(parent, name);
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    // Ids are documented as strings; a number is taken as well.
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asText().trim() : null;
        return text == null || text.isEmpty() ? null : text;
    }

    static Instant instant(String epochSeconds) {
        if (epochSeconds == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(epochSeconds.trim()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // not a number, or seconds beyond the years an Instant holds
            return null;
        }
    }
}
