package io.dealflow.crm.integration.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: fields separated by commas, records by CRLF or LF, fields in
 * double quotes may hold commas, line breaks and doubled quotes. Each record remembers the line it
 * starts on, so that problems can be reported where the user sees them.
 */
final class CsvRecords {

  /**
   * One record.
   *
   * @param line the 1-based line of the text it starts on
   * @param fields its fields, unquoted
   */
  record Record(int line, List<String> fields) {

    Record {
      fields = List.copyOf(fields);
    }

    boolean isBlank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  /** Thrown for text that is not CSV, e.g. a quote that never closes. */
  static final class Malformed extends RuntimeException {

    private final int line;

    Malformed(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private CsvRecords() {}

  static List<Record> parse(String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (!field.isEmpty() || fieldWasQuoted) {
          throw new Malformed(line, "A quote inside an unquoted field (quote the whole field)");
        }
        quoted = true;
        fieldWasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        records.add(new Record(recordLine, fields));
        fields = new ArrayList<>();
        field.setLength(0);
        fieldWasQuoted = false;
        line++;
        recordLine = line;
      } else {
        if (fieldWasQuoted) {
          throw new Malformed(line, "Text after a closing quote");
        }
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new Malformed(recordLine, "A quoted field is never closed");
    }
    if (!field.isEmpty() || !fields.isEmpty() || fieldWasQuoted) {
      fields.add(field.toString());
      records.add(new Record(recordLine, fields));
    }
    return records;
  }
}
