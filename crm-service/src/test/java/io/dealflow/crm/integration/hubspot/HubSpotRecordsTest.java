package io.dealflow.crm.integration.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.deal.Stage;
import io.dealflow.crm.integration.Pulled;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HubSpot records as leads and deals, and HubSpot's Retry-After. */
class HubSpotRecordsTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HubSpotRecords RECORDS = new HubSpotRecords("USD");

  static JsonNode record(String id, Map<String, String> properties) {
    return JSON.valueToTree(Map.of("id", id, "properties", properties));
  }

  @Test
  void aContactsNameFallsBackToItsEmailThenToItsId() {
    assertThat(
            RECORDS
                .lead(record("1", Map.of("firstname", "Ada", "lastname", "Lovelace")))
                .lead()
                .name())
        .isEqualTo("Ada Lovelace");
    assertThat(RECORDS.lead(record("2", Map.of("email", "x@example.com"))).lead().name())
        .isEqualTo("x@example.com");
    assertThat(RECORDS.lead(record("3", Map.of())).lead().name()).isEqualTo("HubSpot contact 3");
  }

  @Test
  void closedDealsFollowHubSpotsClosedFlagsWhateverTheirStage() {
    Pulled.Deal won =
        RECORDS
            .deal(
                record("1", Map.of("dealname", "W", "dealstage", "x1", "hs_is_closed_won", "true")))
            .orElseThrow();
    Pulled.Deal lost =
        RECORDS
            .deal(
                record(
                    "2",
                    Map.of(
                        "dealname",
                        "L",
                        "dealstage",
                        "x2",
                        "hs_is_closed",
                        "true",
                        "hs_is_closed_won",
                        "false")))
            .orElseThrow();

    assertThat(won.draft().stage()).isEqualTo(Stage.WON);
    assertThat(lost.draft().stage()).isEqualTo(Stage.LOST);
  }

  @Test
  void customPipelineStagesMapByTheirProbability() {
    assertThat(stageOf("0.9")).isEqualTo(Stage.NEGOTIATION);
    assertThat(stageOf("0.5")).isEqualTo(Stage.PROPOSAL);
    assertThat(stageOf("0.3")).isEqualTo(Stage.QUALIFIED);
    assertThat(stageOf("0.1")).isEqualTo(Stage.LEAD);
  }

  @Test
  void amountsAreRoundedToTheCurrencyAndGarbageIsSkippedWithAReason() {
    Pulled.Deal rounded =
        RECORDS.deal(record("1", Map.of("dealname", "R", "amount", "10.129"))).orElseThrow();
    JsonNode garbage = record("2", Map.of("dealname", "G", "amount", "ten"));
    JsonNode negative = record("3", Map.of("dealname", "N", "amount", "-4"));

    assertThat(rounded.draft().value()).isEqualByComparingTo("10.13");
    assertThat(RECORDS.deal(garbage)).isEmpty();
    assertThat(RECORDS.skipped(garbage).reason()).isEqualTo("amount is not a number: ten");
    assertThat(RECORDS.deal(negative)).isEmpty();
    assertThat(RECORDS.skipped(negative))
        .isEqualTo(new Pulled.Skipped("deal 3", "Value must be zero or more"));
  }

  @Test
  void onlyRecordsWithAnIdCanBeFoundAgain() {
    assertThat(HubSpotRecords.hasId(record("512", Map.of()))).isTrue();
    assertThat(HubSpotRecords.hasId(JSON.valueToTree(Map.of("id", 512)))).isTrue();
    assertThat(HubSpotRecords.hasId(JSON.valueToTree(Map.of("properties", Map.of())))).isFalse();
    assertThat(HubSpotRecords.hasId(record(" ", Map.of()))).isFalse();
    assertThat(HubSpotRecords.hasId(record("9".repeat(101), Map.of()))).isFalse();
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsADate() {
    String inAMinute =
        ZonedDateTime.now(ZoneOffset.UTC)
            .plusSeconds(60)
            .format(DateTimeFormatter.RFC_1123_DATE_TIME);

    assertThat(HubSpotConnector.retryAfter("7")).hasValue(Duration.ofSeconds(7));
    assertThat(HubSpotConnector.retryAfter(inAMinute).orElseThrow())
        .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
    assertThat(HubSpotConnector.retryAfter("soon")).isEmpty();
    assertThat(HubSpotConnector.retryAfter(null)).isEmpty();
  }

  private static Stage stageOf(String probability) {
    return RECORDS
        .deal(
            record(
                "9",
                Map.of(
                    "dealname",
                    "C",
                    "dealstage",
                    "12345",
                    "hs_deal_stage_probability",
                    probability)))
        .orElseThrow()
        .draft()
        .stage();
  }
}
