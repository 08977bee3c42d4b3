package com.complaintdesk.channel.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Safe mode (安全模式) of the message push: the body carries the push AES-encrypted in its {@code Encrypt} field
 * (XML {@code <Encrypt>} or JSON {@code "Encrypt"}), and the query's {@code msg_signature} signs it. As WeChat documents
 * it (https://developers.weixin.qq.com/doc/oplatform/developers/dev/push/encryption.html, and the WXBizMsgCrypt
 * samples it publishes):
 * <ul>
 *   <li>{@code msg_signature} = hex SHA-1 of the Token, {@code timestamp}, {@code nonce} and the {@code Encrypt} text,
 *       sorted and joined;</li>
 *   <li>the AES key is the Base64 decoding of the 43-character EncodingAESKey with "=" appended (32 bytes), the IV
 *       its first 16 bytes; AES-256-CBC with PKCS#7 padding to 32-byte blocks;</li>
 *   <li>the plaintext is 16 random bytes, the message's length as 4 bytes in network order, the message, and the
 *       AppID it is for, which must be this mini program's.</li>
 * </ul>
 */
final class WechatCrypto {

    private static final int BLOCK = 32;

    private final String token;
    private final String appId;
    private final byte[] key;

    WechatCrypto(String token, String encodingAesKey, String appId) {
        if (encodingAesKey == null || encodingAesKey.trim().length() != 43) {
            throw new IllegalArgumentException("The EncodingAESKey has 43 characters");
        }
        this.token = token;
        this.appId = appId;
        this.key = Base64.getDecoder().decode(encodingAesKey.trim() + "=");
    }

    /** Why a safe-mode push was refused; shown in the log and in the 4xx answer. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The {@code Encrypt} field of a safe-mode body, XML or JSON; empty when there is none. */
    static Optional<String> encryptField(byte[] body, ObjectMapper json) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '<') {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setXIncludeAware(false);
                factory.setExpandEntityReferences(false);
                var builder = factory.newDocumentBuilder();
                builder.setErrorHandler(null);
                NodeList children = builder.parse(new ByteArrayInputStream(body))
                        .getDocumentElement()
                        .getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    Node node = children.item(i);
                    if (node.getNodeType() == Node.ELEMENT_NODE && "Encrypt".equals(node.getNodeName())) {
                        return Optional.of(node.getTextContent().trim()).filter(text -> !text.isEmpty());
                    }
                }
                return Optional.empty();
            } catch (ParserConfigurationException | SAXException | IOException e) {
                return Optional.empty();
            }
        }
        try {
            JsonNode root = json.readTree(body);
            return root != null
                            && root.path("Encrypt").isTextual()
                            && !root.path("Encrypt").asText().isBlank()
                    ? Optional.of(root.path("Encrypt").asText().trim())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The push inside {@code encrypt}, once its {@code msgSignature} and its AppID are right. */
    byte[] decrypt(String msgSignature, String timestamp, String nonce, String encrypt) throws Refused {
        if (msgSignature == null || timestamp == null || nonce == null || encrypt == null) {
            throw new Refused("msg_signature, timestamp, nonce and the Encrypt field are all needed in safe mode");
        }
        if (!MessageDigest.isEqual(
                sign(timestamp, nonce, encrypt).getBytes(StandardCharsets.US_ASCII),
                msgSignature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("msg_signature does not match the encrypted body");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            plain = cipher.doFinal(Base64.getMimeDecoder().decode(encrypt));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("the Encrypt field could not be decrypted with the EncodingAESKey");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
            throw new Refused("the decrypted push is not padded as WeChat pads it (wrong EncodingAESKey?)");
        }
        int end = plain.length - pad;
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || length > end - 20) {
            throw new Refused("the decrypted push's length does not fit (wrong EncodingAESKey?)");
        }
        String forApp = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!forApp.equals(appId)) {
            throw new Refused("the push is for AppID " + forApp + ", not this mini program's");
        }
        return Arrays.copyOfRange(plain, 20, 20 + length);
    }

    /** The {@code msg_signature} WeChat sends for this encrypted body. */
    String sign(String timestamp, String nonce, String encrypt) {
        String[] parts = {token, timestamp, nonce, encrypt};
        Arrays.sort(parts);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1")
                            .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** Encrypts {@code message} as WeChat does, with {@code random} as its 16 leading bytes (for tests of the push). */
    String encrypt(byte[] message, byte[] random) throws GeneralSecurityException {
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + message.length + app.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random, 0, 16).putInt(message.length).put(message).put(app);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
    }
}
