package com.complaintdesk.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Safe mode against the sample WeChat publishes with its WXBizMsgCrypt code: Token {@code QDG6eK}, AppID
 * {@code wx5823bf96d3bd56c7}, EncodingAESKey {@code jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C}, and a push with
 * msg_signature {@code 477715d11cdb4164915debcba66cb864d751f3e6}, timestamp {@code 1409659813}, nonce
 * {@code 1372623149}.
 */
class WechatCryptoTest {

    static final String TOKEN = "QDG6eK";
    static final String APP_ID = "wx5823bf96d3bd56c7";
    static final String KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
    static final String TIMESTAMP = "1409659813";
    static final String NONCE = "1372623149";
    static final String ENCRYPT =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    final WechatCrypto crypto = new WechatCrypto(TOKEN, KEY, APP_ID);

    @Test
    void thePublishedSampleVerifiesAndDecryptsToAnXmlPush() throws Exception {
        assertThat(crypto.sign(TIMESTAMP, NONCE, ENCRYPT)).isEqualTo(SIGNATURE);

        String push = new String(crypto.decrypt(SIGNATURE, TIMESTAMP, NONCE, ENCRYPT), StandardCharsets.UTF_8);

        assertThat(push)
                .startsWith("<xml>")
                .endsWith("</xml>")
                .contains("<ToUserName><![CDATA[" + APP_ID + "]]></ToUserName>");
    }

    @Test
    void theEncryptFieldIsFoundInXmlAndJsonBodies() {
        ObjectMapper json = new ObjectMapper();
        byte[] xml = ("<xml><ToUserName><![CDATA[" + APP_ID + "]]></ToUserName><Encrypt><![CDATA[" + ENCRYPT
                        + "]]></Encrypt></xml>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = ("{\"ToUserName\":\"" + APP_ID + "\",\"Encrypt\":\"" + ENCRYPT + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(WechatCrypto.encryptField(xml, json)).contains(ENCRYPT);
        assertThat(WechatCrypto.encryptField(body, json)).contains(ENCRYPT);
        assertThat(WechatCrypto.encryptField("{\"ToUserName\":\"x\"}".getBytes(StandardCharsets.UTF_8), json))
                .isEmpty();
        assertThat(WechatCrypto.encryptField(
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>"
                                .getBytes(StandardCharsets.UTF_8),
                        json))
                .as("no DTDs")
                .isEmpty();
    }

    @Test
    void aWrongSignatureOneFlippedCharacterAnotherAppOrAnotherKeyIsRefused() throws Exception {
        assertThatThrownBy(() -> crypto.decrypt("0" + SIGNATURE.substring(1), TIMESTAMP, NONCE, ENCRYPT))
                .hasMessageContaining("msg_signature does not match");
        String flipped = (ENCRYPT.charAt(10) == 'A' ? "B" : "A");
        String tampered = ENCRYPT.substring(0, 10) + flipped + ENCRYPT.substring(11);
        // CBC alone does not notice a changed ciphertext: the signature over it, made with the Token, does
        assertThatThrownBy(() -> crypto.decrypt(SIGNATURE, TIMESTAMP, NONCE, tampered))
                .hasMessageContaining("msg_signature does not match");
        WechatCrypto otherApp = new WechatCrypto(TOKEN, KEY, "wx0000000000000000");
        assertThatThrownBy(() -> otherApp.decrypt(SIGNATURE, TIMESTAMP, NONCE, ENCRYPT))
                .hasMessageContaining("is for AppID " + APP_ID);
        WechatCrypto otherKey = new WechatCrypto(TOKEN, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", APP_ID);
        assertThatThrownBy(() -> otherKey.decrypt(SIGNATURE, TIMESTAMP, NONCE, ENCRYPT))
                .isInstanceOf(WechatCrypto.Refused.class);
    }

    @Test
    void whatItEncryptsItDecrypts() throws Exception {
        byte[] push = "{\"MsgType\":\"event\",\"Event\":\"wxa_comment_bad_score\",\"说明\":\"差评\"}"
                .getBytes(StandardCharsets.UTF_8);
        String encrypt = crypto.encrypt(push, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

        assertThat(crypto.decrypt(crypto.sign("1", "2", encrypt), "1", "2", encrypt))
                .isEqualTo(push);
    }
}
