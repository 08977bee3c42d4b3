package com.complaintdesk.common;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes CSV as RFC 4180 says (comma, CRLF, a cell with a comma, quote or line break in quotes, quotes doubled),
 * the way the import reads it. A text cell that a spreadsheet would run as a formula (it starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}: customers write these
 * texts, and auditors and managers open these files in Excel. Used by the audit export and the insights reports.
 */
public final class Csv {

    /** Excel reads a UTF-8 file as UTF-8 (Chinese text included) only when it starts with this byte order mark. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    /** {@code text/csv; charset=UTF-8}. */
    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** A CSV file as the answer, to be saved as {@code filename}. */
    public static ResponseEntity<String> attachment(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(MEDIA_TYPE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }

    private Csv() {}

    public static void row(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(values.get(i)));
        }
        out.write("\r\n");
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text;
        if (value instanceof OffsetDateTime time) {
            text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        } else if (value instanceof BigDecimal number) {
            text = number.toPlainString();
        } else {
            text = value.toString();
        }
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
