package com.complaintdesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class EvidenceStoreAppTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T09:15:00+08:00");

    @Autowired
    EvidenceStore evidence;

    @Test
    void preserveNumbersEachCasesItemsAndChainsTheirHashes() {
        String caseId = UUID.randomUUID().toString();
        evidence.preserve(caseId, "conversation", "Customer: the mug arrived broken.", "ana", AT);
        evidence.preserve(UUID.randomUUID().toString(), "conversation", "Another case entirely.", "ben", AT);
        evidence.preserve(caseId, "order_log", "ord-1 packed 2026-11-13, shipped 2026-11-14", "ana", AT.plusMinutes(5));
        EvidenceItem last = evidence.preserve(caseId, "tracking", "顾客：包裹外箱压坏，杯子碎了。", null, AT.plusMinutes(9));

        List<EvidenceItem> items = evidence.forCase(caseId);

        assertThat(items).extracting(EvidenceItem::seq).containsExactly(1, 2, 3);
        assertThat(items).extracting(EvidenceItem::kind).containsExactly("conversation", "order_log", "tracking");
        assertThat(items.get(0).previousSha256()).isNull();
        assertThat(items.get(0).sha256()).isEqualTo(sha256("\nconversation\nCustomer: the mug arrived broken."));
        for (int i = 1; i < items.size(); i++) {
            EvidenceItem item = items.get(i);
            assertThat(item.previousSha256()).isEqualTo(items.get(i - 1).sha256());
            assertThat(item.sha256()).isEqualTo(sha256(item.previousSha256() + "\n" + item.kind() + "\n" + item.content()));
        }
        assertThat(items.get(2)).isEqualTo(last);
        assertThat(last.content()).isEqualTo("顾客：包裹外箱压坏，杯子碎了。");
        assertThat(last.createdAt()).isEqualTo(AT.plusMinutes(9).withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(items.get(0).createdBy()).isEqualTo("ana");
    }

    @Test
    void preserveStartsEveryCaseAtOneWithoutAPreviousHash() {
        EvidenceItem first = evidence.preserve(UUID.randomUUID().toString(), "conversation", "Hello", "ana", AT);

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousSha256()).isNull();
        assertThat(first.sha256()).hasSize(64).matches("[0-9a-f]{64}");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
