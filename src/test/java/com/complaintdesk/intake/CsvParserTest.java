package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.intake.CsvParser.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void plainCellsAreSplitAtCommasAndRecordsAtLineBreaks() {
        assertThat(CsvParser.parse("channel,externalId\ninstagram,ig-1\nebay,eb-2"))
                .containsExactly(row(1, "channel", "externalId"), row(2, "instagram", "ig-1"), row(3, "ebay", "eb-2"));
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        String csv = "id,text\n"
                + "1,\"Broken, and late\"\n"
                + "2,\"The box said \"\"fragile\"\"\"\n"
                + "3,\"First line\nsecond line\r\nthird line\"\n"
                + "4,\"\"\n";

        assertThat(CsvParser.parse(csv))
                .containsExactly(
                        row(1, "id", "text"),
                        row(2, "1", "Broken, and late"),
                        row(3, "2", "The box said \"fragile\""),
                        row(4, "3", "First line\nsecond line\r\nthird line"),
                        row(7, "4", ""));
    }

    @Test
    void aRecordAfterAMultiLineCellStartsOnItsOwnLineOfTheFile() {
        List<Row> rows = CsvParser.parse("a,b\n\"x\ny\nz\",1\nlast,2\n");

        assertThat(rows).extracting(Row::line).containsExactly(1, 2, 5);
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsDropped() {
        assertThat(CsvParser.parse("\uFEFFchannel,text\r\nweb,hello\r\n"))
                .containsExactly(row(1, "channel", "text"), row(2, "web", "hello"));
    }

    @Test
    void crlfLfAndCrAllEndARecord() {
        assertThat(CsvParser.parse("a,b\r\n1,2\n3,4\r5,6\r\n"))
                .containsExactly(row(1, "a", "b"), row(2, "1", "2"), row(3, "3", "4"), row(4, "5", "6"));
    }

    @Test
    void emptyCellsAreKeptAndATrailingCommaIsOneMoreEmptyCell() {
        assertThat(CsvParser.parse("a,,c,\n")).containsExactly(row(1, "a", "", "c", ""));
    }

    @Test
    void emptyTrailingLinesAndRowsWithoutAnyValueAreSkippedButStillCountAsLines() {
        assertThat(CsvParser.parse("a,b\r\n\r\n,\n1,2\r\n\r\n  \n"))
                .containsExactly(row(1, "a", "b"), row(4, "1", "2"));
    }

    @Test
    void aQuotedEmptyCellIsAValueSoItsRowIsKept() {
        assertThat(CsvParser.parse("a\n\"\"\n")).containsExactly(row(1, "a"), row(2, ""));
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsTakenAsWritten() {
        assertThat(CsvParser.parse("size,text\n5\" screen,it's 5\"\n"))
                .containsExactly(row(1, "size", "text"), row(2, "5\" screen", "it's 5\""));
    }

    @Test
    void spacesAreKeptInsideCellsAndIgnoredAfterAClosingQuote() {
        assertThat(CsvParser.parse(" a ,\"b\"  ,c\n")).containsExactly(row(1, " a ", "b", "c"));
    }

    @Test
    void anEmptyTextHasNoRecords() {
        assertThat(CsvParser.parse("")).isEmpty();
        assertThat(CsvParser.parse("\uFEFF")).isEmpty();
        assertThat(CsvParser.parse("\r\n\n")).isEmpty();
    }

    @Test
    void anUnterminatedQuoteIsAnErrorNamingTheLineWhereItOpens() {
        String csv = "id,text\n1,fine\n2,\"never closed, \nrunning on\n3,more\n";

        assertThatThrownBy(() -> CsvParser.parse(csv))
                .isInstanceOf(CsvParser.FormatException.class)
                .hasMessage(
                        "line 3: a quoted cell starts here and is never closed (a quote inside a quoted cell must be doubled: \"\")")
                .extracting(e -> ((CsvParser.FormatException) e).line())
                .isEqualTo(3);
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorNamingItsLine() {
        String csv = "id,text\n1,\"multi\nline\"\n2,\"He said \"no\" twice\"\n";

        assertThatThrownBy(() -> CsvParser.parse(csv))
                .isInstanceOf(CsvParser.FormatException.class)
                .hasMessage(
                        "line 4: 'n' after the closing quote of a cell (a quote inside a quoted cell must be doubled: \"\")");
    }

    private static Row row(int line, String... cells) {
        return new Row(line, List.of(cells));
    }
}
