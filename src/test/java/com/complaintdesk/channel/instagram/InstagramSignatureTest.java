package com.complaintdesk.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code X-Hub-Signature-256} as "Validating Payloads" in
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started/ describes it: {@code sha256=} and the
 * lower-case hex HMAC-SHA256 of the payload exactly as sent, keyed with the App Secret.
 */
class InstagramSignatureTest {

    private static final byte[] BODY =
            ("{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000000001\",\"time\":1764000000,"
                            + "\"changes\":[{\"field\":\"comments\",\"value\":{\"from\":{\"id\":\"7349519876543210\",\"username\":\"lin.wei\"},"
                            + "\"media\":{\"id\":\"18068123456789012\",\"media_product_type\":\"FEED\"},\"id\":\"17865799348089039\","
                            + "\"text\":\"\\u676f\\u5b50\\u788e\\u4e86\"}}]}]}")
                    .getBytes(StandardCharsets.UTF_8);

    private final InstagramSignature signature = new InstagramSignature("app-secret");

    @Test
    void signatureIsTheHexHmacSha256OfTheBodyWithTheSecret() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        InstagramSignature jefe = new InstagramSignature("Jefe");
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        String expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        assertThat(jefe.sign(data)).isEqualTo(expected);
        assertThat(jefe.matches(data, expected)).isTrue();
    }

    @Test
    void signatureOfTheExactBodyMatches() {
        assertThat(signature.matches(BODY, signature.sign(BODY))).isTrue();
    }

    @Test
    void upperCaseHexOfTheRightSignatureMatchesToo() {
        String upper = InstagramSignature.PREFIX
                + signature
                        .sign(BODY)
                        .substring(InstagramSignature.PREFIX.length())
                        .toUpperCase(Locale.ROOT);

        assertThat(signature.matches(BODY, upper)).isTrue();
    }

    @Test
    void missingOrMalformedSignatureDoesNotMatch() {
        String hex = signature.sign(BODY).substring(InstagramSignature.PREFIX.length());

        assertThat(signature.matches(BODY, null)).isFalse();
        assertThat(signature.matches(BODY, "")).isFalse();
        assertThat(signature.matches(BODY, hex)).as("no sha256= prefix").isFalse();
        assertThat(signature.matches(BODY, "sha1=" + hex)).isFalse();
        assertThat(signature.matches(BODY, "sha256=")).isFalse();
        assertThat(signature.matches(BODY, "sha256=" + hex.substring(2)))
                .as("shortened")
                .isFalse();
        assertThat(signature.matches(BODY, "sha256=" + hex + "00"))
                .as("lengthened")
                .isFalse();
        assertThat(signature.matches(BODY, "sha256=zz" + hex.substring(2)))
                .as("not hex")
                .isFalse();
        assertThat(signature.matches(null, signature.sign(BODY))).isFalse();
    }

    @Test
    void everySingleFlippedBitOfTheBodyIsNoticed() {
        String header = signature.sign(BODY);
        for (int i = 0; i < BODY.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = BODY.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertThat(signature.matches(flipped, header))
                        .as("byte %d bit %d", i, bit)
                        .isFalse();
            }
        }
    }

    @Test
    void theSameJsonWithOtherWhitespaceOrUnescapedTextDoesNotMatch() {
        String header = signature.sign(BODY);
        String json = new String(BODY, StandardCharsets.UTF_8);

        assertThat(signature.matches(json.replace(",", ", ").getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
        assertThat(signature.matches((json + "\n").getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
        assertThat(signature.matches(
                        json.replace("\\u676f\\u5b50\\u788e\\u4e86", "杯子碎了").getBytes(StandardCharsets.UTF_8), header))
                .as("the decoded text instead of Meta's escaped one")
                .isFalse();
    }

    @Test
    void anotherSecretsSignatureDoesNotMatch() {
        assertThat(signature.matches(BODY, new InstagramSignature("other-secret").sign(BODY)))
                .isFalse();
    }

    @Test
    void aSignatureNeedsASecret() {
        assertThatThrownBy(() -> new InstagramSignature("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstagramSignature(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
