package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ComplaintImportTest {

    /** Nothing is received before the whole file is read, so the import needs neither intake nor validator here. */
    private final ComplaintImport imports = new ComplaintImport(null, null);

    @Test
    void aFileOfUnknownLengthIsReadNoFurtherThanTheLimitAndRefusedWith413() {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }
        };

        assertThatThrownBy(() -> imports.importCsv("text/csv", endless, -1))
                .isInstanceOfSatisfying(ComplaintImport.RefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage())
                            .isEqualTo("The file is more than 1048576 bytes; at most 1 MiB (1048576 bytes)"
                                    + " is imported at once. Split it into smaller files; nothing was imported.");
                });
        assertThat(read.get()).isEqualTo(ComplaintImport.MAX_BYTES + 1);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReadingAnything() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        };

        assertThatThrownBy(() -> imports.importCsv("text/csv; charset=UTF-8", untouchable, 5_000_000))
                .isInstanceOfSatisfying(ComplaintImport.RefusedException.class, e -> assertThat(e.getMessage())
                        .startsWith("The file is 5000000 bytes; at most 1 MiB"));
    }
}
