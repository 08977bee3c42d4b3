package com.complaintdesk.evidence;

import com.complaintdesk.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How an evidence item's SHA-256 is computed (X4), so that anyone can recompute it from the stored row.
 *
 * <p>Version 2 (every item preserved since issue #5) hashes the UTF-8 bytes of this text, one line per stored
 * column in this order, each line ending with {@code \n}:
 *
 * <pre>
 * complaint-desk-evidence/2
 * id:&lt;value&gt;
 * case_id:&lt;value&gt;
 * seq:&lt;value&gt;
 * kind:&lt;value&gt;
 * source_ref:&lt;value&gt;
 * created_at:&lt;value&gt;
 * created_by:&lt;value&gt;
 * previous_sha256:&lt;value&gt;
 * content:&lt;value&gt;
 * </pre>
 *
 * where {@code <value>} is {@code -} for a null, otherwise the value's length in UTF-8 bytes, a colon and the value
 * itself (so a value holding a line break or a colon cannot be mistaken for the next field). {@code seq} is
 * decimal; {@code created_at} is the instant in UTC with six fractional digits, e.g.
 * {@code 2026-11-23T01:15:00.000000Z}; {@code previous_sha256} is the previous item's hash in lower-case hex
 * (null for the first item). The result is lower-case hex.
 *
 * <p>Version 1 (items preserved before) covers only the previous hash (empty for the first), the kind and the
 * content: {@code SHA-256(previous + "\n" + kind + "\n" + content)}. Such items stay verifiable; their seq and
 * times are protected by the links of the version 2 items after them only.
 */
public final class EvidenceHash {

    public static final int V1 = 1;
    public static final int V2 = 2;
    /** The version every new item is hashed with. */
    public static final int CURRENT = V2;

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private EvidenceHash() {}

    /** The item's hash recomputed from its fields as its version says; empty for an unknown version. */
    public static String of(EvidenceItem item) {
        return switch (item.hashVersion()) {
            case V1 ->
                Sha256.hex((item.previousSha256() == null ? "" : item.previousSha256()) + "\n" + item.kind() + "\n"
                        + item.content());
            case V2 -> Sha256.hex(canonical(item));
            default -> "";
        };
    }

    /** The text version 2 hashes, as described above. */
    public static String canonical(EvidenceItem item) {
        StringBuilder text = new StringBuilder("complaint-desk-evidence/2\n");
        field(text, "id", item.id());
        field(text, "case_id", item.caseId());
        field(text, "seq", Integer.toString(item.seq()));
        field(text, "kind", item.kind());
        field(text, "source_ref", item.sourceRef());
        field(text, "created_at", createdAt(item.createdAt()));
        field(text, "created_by", item.createdBy());
        field(text, "previous_sha256", item.previousSha256());
        field(text, "content", item.content());
        return text.toString();
    }

    static String createdAt(OffsetDateTime at) {
        return at == null ? null : CREATED_AT.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append(':');
        if (value == null) {
            text.append('-');
        } else {
            text.append(value.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(value);
        }
        text.append('\n');
    }
}
