package com.complaintdesk.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 describes them: a quoted cell may hold commas, line breaks and
 * quotes (doubled: {@code ""}); records end with CRLF, LF or CR; a leading byte order mark is dropped.
 * A quote inside an unquoted cell is taken as it is, like spreadsheets do. Records without any value (an empty
 * line, or only commas and spaces) are skipped, so a trailing line break or a spreadsheet's empty rows add
 * nothing.
 */
final class CsvParser {

    private static final char BOM = '\uFEFF';

    private CsvParser() {}

    /** One record and the line of the file it starts on (the first line is 1). */
    record Row(int line, List<String> cells) {}

    /** The text is not CSV; the message names the line. */
    static final class FormatException extends RuntimeException {

        private final int line;

        FormatException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    static List<Row> parse(String text) {
        return new Reader(text).rows();
    }

    private static final class Reader {

        private final String text;
        private int pos;
        private int line = 1;

        Reader(String text) {
            this.text = text;
            this.pos = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
        }

        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            while (pos < text.length()) {
                int start = line;
                List<String> cells = new ArrayList<>();
                boolean anyQuoted = false;
                boolean more = true;
                while (more) {
                    boolean quoted = pos < text.length() && text.charAt(pos) == '"';
                    anyQuoted |= quoted;
                    cells.add(quoted ? quotedCell() : plainCell());
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        pos++;
                    } else {
                        lineBreak();
                        more = false;
                    }
                }
                if (anyQuoted || cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    rows.add(new Row(start, List.copyOf(cells)));
                }
            }
            return rows;
        }

        private String plainCell() {
            int start = pos;
            while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String quotedCell() {
            int opened = line;
            pos++;
            StringBuilder cell = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw new FormatException(
                            opened,
                            "a quoted cell starts here and is never closed"
                                    + " (a quote inside a quoted cell must be doubled: \"\")");
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                        cell.append('"');
                        pos += 2;
                        continue;
                    }
                    pos++;
                    break;
                }
                if (c == '\n' || c == '\r' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '\n')) {
                    line++;
                }
                cell.append(c);
                pos++;
            }
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
            if (pos < text.length() && !isDelimiter(text.charAt(pos))) {
                throw new FormatException(
                        line,
                        "'" + text.charAt(pos) + "' after the closing quote of a cell"
                                + " (a quote inside a quoted cell must be doubled: \"\")");
            }
            return cell.toString();
        }

        private void lineBreak() {
            if (pos < text.length() && text.charAt(pos) == '\r') {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
        }

        private static boolean isDelimiter(char c) {
            return c == ',' || c == '\n' || c == '\r';
        }
    }
}
