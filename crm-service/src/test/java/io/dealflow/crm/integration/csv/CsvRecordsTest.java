package io.dealflow.crm.integration.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 parsing with the line each record starts on. */
class CsvRecordsTest {

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() {
    List<CsvRecords.Record> records =
        CsvRecords.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");

    assertThat(records).hasSize(3);
    assertThat(records.get(1).fields()).containsExactly("x, y", "say \"hi\"");
    assertThat(records.get(2).fields()).containsExactly("two\nlines", "z");
  }

  @Test
  void eachRecordKnowsTheLineItStartsOn() {
    List<CsvRecords.Record> records = CsvRecords.parse("h\n\"1\n2\n3\"\nnext\n\nlast");

    assertThat(records.stream().map(CsvRecords.Record::line)).containsExactly(1, 2, 5, 6, 7);
    assertThat(records.get(3).isBlank()).isTrue();
  }

  @Test
  void aByteOrderMarkAndAMissingFinalNewlineAreFine() {
    List<CsvRecords.Record> records = CsvRecords.parse("\uFEFFtype,id\ndeal,1");

    assertThat(records.getFirst().fields()).containsExactly("type", "id");
    assertThat(records.get(1).fields()).containsExactly("deal", "1");
  }

  @Test
  void emptyFieldsAreKept() {
    assertThat(CsvRecords.parse(",,\n").getFirst().fields()).containsExactly("", "", "");
  }

  @Test
  void anUnclosedQuoteIsMalformedAtTheLineItOpened() {
    assertThatThrownBy(() -> CsvRecords.parse("a\nb\n\"open\nstill open"))
        .isInstanceOfSatisfying(CsvRecords.Malformed.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsMalformed() {
    assertThatThrownBy(() -> CsvRecords.parse("ab\"c\n"))
        .isInstanceOf(CsvRecords.Malformed.class)
        .hasMessageContaining("quote");
  }
}
