package io.dealflow.crm.integration.csv;

import io.dealflow.crm.deal.DealDraft;
import io.dealflow.crm.deal.Stage;
import io.dealflow.crm.integration.Connector;
import io.dealflow.crm.integration.IntegrationsProperties;
import io.dealflow.crm.integration.LeadImport.ImportedLead;
import io.dealflow.crm.integration.Provider;
import io.dealflow.crm.integration.Pulled;
import io.dealflow.crm.integration.SyncFailure;
import io.dealflow.crm.integration.SyncFailure.Problem;
import io.dealflow.crm.integration.SyncSource;
import io.dealflow.platform.error.FieldViolation;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads leads and deals from a UTF-8 CSV file with a header row. Columns (in any order, names in
 * any case): {@code type} (lead or deal) and {@code external_id} are required; leads use {@code
 * name}, {@code email}, {@code phone}, {@code company}; deals use {@code title} (or {@code name}),
 * {@code value}, {@code currency}, {@code stage}, {@code probability}, {@code expected_close_date},
 * {@code company} and {@code contact_name}. A column a row's type does not use is ignored for that
 * row.
 *
 * <p>A file is taken whole or not at all: any invalid row fails the sync, and every problem is
 * reported with its line.
 */
@Component
class CsvConnector implements Connector {

  static final Set<String> COLUMNS =
      Set.of(
          "type",
          "external_id",
          "name",
          "title",
          "email",
          "phone",
          "company",
          "contact_name",
          "value",
          "currency",
          "stage",
          "probability",
          "expected_close_date");

  private static final int MAX_PROBLEMS = 100;
  private static final int MAX_EXTERNAL_ID = 100;
  private static final int MAX_TEXT = 200;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Map<String, String> DEAL_FIELD_COLUMNS =
      Map.of(
          "title", "title",
          "value", "value",
          "currency", "currency",
          "stage", "stage",
          "probability", "probability",
          "contactName", "contact_name",
          "companyName", "company");

  private final IntegrationsProperties.Csv settings;

  CsvConnector(IntegrationsProperties properties) {
    this.settings = properties.csv();
  }

  @Override
  public Provider provider() {
    return Provider.CSV;
  }

  @Override
  public Pulled pull(SyncSource source) {
    byte[] upload = source.upload();
    if (upload == null || upload.length == 0) {
      throw SyncFailure.input("The file is empty", List.of());
    }
    if (upload.length > settings.maxBytes()) {
      throw SyncFailure.input(
          "The file is larger than " + settings.maxBytes() + " bytes", List.of());
    }
    List<CsvRecords.Record> records;
    try {
      records = CsvRecords.parse(utf8(upload));
    } catch (CsvRecords.Malformed e) {
      throw SyncFailure.input(
          "The file is not valid CSV", List.of(new Problem(e.line(), null, e.getMessage())));
    }
    if (records.isEmpty()) {
      throw SyncFailure.input("The file is empty", List.of());
    }
    Header header = header(records.getFirst());
    List<CsvRecords.Record> rows =
        records.subList(1, records.size()).stream().filter(r -> !r.isBlank()).toList();
    if (rows.size() > settings.maxRows()) {
      throw SyncFailure.input("The file has more than " + settings.maxRows() + " rows", List.of());
    }
    Rows result = new Rows(header, source.defaultCurrency());
    rows.forEach(result::read);
    if (!result.problems.isEmpty()) {
      int count = result.problems.size();
      throw SyncFailure.input(
          count + (count == 1 ? " problem" : " problems") + " in the file; nothing was imported",
          result.problems.subList(0, Math.min(count, MAX_PROBLEMS)));
    }
    return new Pulled(result.leads, result.deals, List.of(), true);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw SyncFailure.input("The file is not UTF-8 text", List.of());
    }
  }

  private static Header header(CsvRecords.Record first) {
    Map<String, Integer> positions = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < first.fields().size(); i++) {
      String name = first.fields().get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        problems.add(
            new Problem(
                first.line(),
                name,
                "Unknown column '" + name + "'; the columns are " + String.join(", ", sorted())));
      } else if (positions.putIfAbsent(name, i) != null) {
        problems.add(new Problem(first.line(), name, "Column '" + name + "' appears twice"));
      }
    }
    for (String required : List.of("type", "external_id")) {
      if (!positions.containsKey(required)) {
        problems.add(new Problem(first.line(), required, "Column '" + required + "' is missing"));
      }
    }
    if (!problems.isEmpty()) {
      throw SyncFailure.input("The header row is not valid", problems);
    }
    return new Header(positions, first.fields().size());
  }

  private static List<String> sorted() {
    return COLUMNS.stream().sorted().toList();
  }

  private record Header(Map<String, Integer> positions, int width) {}

  /** The rows read so far, and what is wrong with them. */
  private static final class Rows {

    private final Header header;
    private final String defaultCurrency;
    private final List<Pulled.Lead> leads = new ArrayList<>();
    private final List<Pulled.Deal> deals = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    Rows(Header header, String defaultCurrency) {
      this.header = header;
      this.defaultCurrency = defaultCurrency;
    }

    void read(CsvRecords.Record row) {
      int line = row.line();
      if (row.fields().size() != header.width()) {
        problem(
            line,
            null,
            "Has " + row.fields().size() + " fields where the header has " + header.width());
        return;
      }
      String type = text(row, "type");
      String externalId = text(row, "external_id");
      if (externalId == null) {
        problem(line, "external_id", "external_id is required");
      } else if (externalId.length() > MAX_EXTERNAL_ID) {
        problem(line, "external_id", "external_id is longer than " + MAX_EXTERNAL_ID);
      }
      if (type == null || !(type.equalsIgnoreCase("lead") || type.equalsIgnoreCase("deal"))) {
        problem(line, "type", "type must be lead or deal");
        return;
      }
      boolean lead = type.equalsIgnoreCase("lead");
      if (externalId != null) {
        Integer earlier = seen.putIfAbsent(type.toLowerCase(Locale.ROOT) + ":" + externalId, line);
        if (earlier != null) {
          problem(line, "external_id", "external_id " + externalId + " is also on line " + earlier);
        }
      }
      int before = problems.size();
      if (lead) {
        ImportedLead imported = lead(row);
        if (problems.size() == before && externalId != null) {
          leads.add(new Pulled.Lead(externalId, line, imported));
        }
      } else {
        DealDraft draft = deal(row);
        if (problems.size() == before && draft != null && externalId != null) {
          deals.add(new Pulled.Deal(externalId, line, draft));
        }
      }
    }

    private ImportedLead lead(CsvRecords.Record row) {
      int line = row.line();
      String name = text(row, "name");
      if (name == null) {
        problem(line, "name", "name is required for a lead");
        name = "";
      } else if (name.length() > MAX_TEXT) {
        problem(line, "name", "name is longer than " + MAX_TEXT + " characters");
      }
      String email = text(row, "email");
      if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
        problem(line, "email", "email is not an email address");
      }
      String phone = text(row, "phone");
      if (phone != null && phone.length() > 50) {
        problem(line, "phone", "phone is longer than 50 characters");
      }
      String company = text(row, "company");
      if (company != null && company.length() > MAX_TEXT) {
        problem(line, "company", "company is longer than " + MAX_TEXT + " characters");
      }
      return new ImportedLead(name, email, phone, company, Map.of());
    }

    private @Nullable DealDraft deal(CsvRecords.Record row) {
      int line = row.line();
      String title = Optional.ofNullable(text(row, "title")).orElse(text(row, "name"));
      if (title == null) {
        problem(line, "title", "title (or name) is required for a deal");
      }
      BigDecimal value = null;
      String rawValue = text(row, "value");
      if (rawValue == null) {
        problem(line, "value", "value is required for a deal");
      } else {
        try {
          value = new BigDecimal(rawValue);
        } catch (NumberFormatException e) {
          problem(line, "value", "value is not a number: " + rawValue);
        }
      }
      Stage stage = Stage.LEAD;
      String rawStage = text(row, "stage");
      if (rawStage != null) {
        Optional<Stage> named = Stage.fromId(rawStage);
        if (named.isEmpty()) {
          problem(line, "stage", "stage must be one of " + Stage.NAMES);
        } else {
          stage = named.get();
        }
      }
      Integer probability = null;
      String rawProbability = text(row, "probability");
      if (rawProbability != null) {
        try {
          probability = Integer.valueOf(rawProbability);
        } catch (NumberFormatException e) {
          problem(line, "probability", "probability is not a whole number: " + rawProbability);
        }
      }
      LocalDate close = null;
      String rawClose = text(row, "expected_close_date");
      if (rawClose != null) {
        try {
          close = LocalDate.parse(rawClose);
        } catch (DateTimeParseException e) {
          problem(line, "expected_close_date", "expected_close_date must be YYYY-MM-DD");
        }
      }
      if (title == null || value == null) {
        return null;
      }
      String currency = Optional.ofNullable(text(row, "currency")).orElse(defaultCurrency);
      DealDraft draft =
          new DealDraft(
              title,
              value,
              currency,
              stage,
              probability,
              null,
              text(row, "contact_name"),
              text(row, "company"),
              close);
      for (FieldViolation violation : draft.violations()) {
        problem(
            line,
            DEAL_FIELD_COLUMNS.getOrDefault(violation.field(), violation.field()),
            violation.message());
      }
      return draft;
    }

    private @Nullable String text(CsvRecords.Record row, String column) {
      Integer position = header.positions().get(column);
      if (position == null) {
        return null;
      }
      String value = row.fields().get(position).strip();
      return value.isEmpty() ? null : value;
    }

    private void problem(int line, @Nullable String column, String message) {
      problems.add(new Problem(line, column, message));
    }
  }
}
