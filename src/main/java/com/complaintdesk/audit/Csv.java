package com.complaintdesk.audit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes CSV as RFC 4180 says (comma, CRLF, a cell with a comma, quote or line break in quotes, quotes doubled),
 * the way the import reads it. A text cell that a spreadsheet would run as a formula (it starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}: customers write these
 * texts, and an auditor opens the file in Excel.
 */
final class Csv {

    /** Excel reads a UTF-8 file as UTF-8 (Chinese text included) only when it starts with this byte order mark. */
    static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {}

    static void row(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(values.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
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
