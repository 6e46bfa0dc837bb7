package io.dealflow.crm.integration.csv;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.RunningCrmService;
import io.dealflow.crm.VectorosClient;
import io.dealflow.crm.VectorosClient.Response;
import io.dealflow.crm.integration.RecordingLeadImport;
import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** CSV syncs through the running service: both ways of sending the file, all-or-nothing, events. */
@TestPropertySource(properties = "dealflow.crm.integrations.csv.max-bytes=4096")
class CsvSyncIT extends RunningCrmService {

  private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
  private static EventProbe events;

  @TestConfiguration
  static class Leads {

    @Bean
    @Primary
    RecordingLeadImport recordingLeadImport() {
      return new RecordingLeadImport();
    }
  }

  @Autowired RecordingLeadImport leads;

  private TestUser admin;
  private String integration;

  @BeforeAll
  static void listen() {
    events =
        new EventProbe(
            Devstack.kafka().bootstrapServers(),
            List.of("integration.synced", "integration.failed"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  @BeforeEach
  void connectCsv() {
    admin = TestUsers.inNewOrganization("admin");
    Response connected =
        client()
            .post(
                "/api/v1/workspaces/" + admin.orgId() + "/integrations",
                Map.of("provider", "csv", "name", "Spring import", "defaultCurrency", "EUR"));
    assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
    integration = connected.json().get("id").asString();
  }

  VectorosClient client() {
    return new VectorosClient(baseUrl(), admin.token());
  }

  String syncPath() {
    return "/api/v1/integrations/" + integration + "/sync";
  }

  JsonNode deals() {
    return client().get("/api/v1/workspaces/" + admin.orgId() + "/deals?limit=100").json();
  }

  JsonNode integrationListed() {
    return client()
        .get("/api/v1/workspaces/" + admin.orgId() + "/integrations")
        .json()
        .get("integrations")
        .get(0);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFileSentAsMultipartBringsLeadsAndDealsInAndReportsCounts() {
    String csv =
        """
        Type,External_ID,Name,Title,Email,Phone,Company,Contact_Name,Value,Currency,Stage,Probability,Expected_Close_Date
        lead,L-1,Ada Lovelace,,ada@example.com,+44 20 7946 0000,Analytical Engines,,,,,,
        deal,D-1,,"Engines, phase 2",,,Analytical Engines,Ada Lovelace,120000,,proposal,55,2026-06-30
        deal,D-2,Babbage support,,,,,,99.5,USD,won,,
        """;

    Response synced = client().postFile(syncPath(), "file", "crm.csv", bytes(csv));

    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    JsonNode report = synced.json();
    assertThat(report.get("provider").asString()).isEqualTo("csv");
    assertThat(report.get("recordsSynced").asInt()).isEqualTo(3);
    assertThat(report.get("counts").get("leads").get("created").asInt()).isEqualTo(1);
    assertThat(report.get("counts").get("deals").get("created").asInt()).isEqualTo(2);
    assertThat(leads.calls(admin.orgId()))
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.source()).isEqualTo("csv");
              assertThat(call.externalId()).isEqualTo("L-1");
              assertThat(call.lead().name()).isEqualTo("Ada Lovelace");
              assertThat(call.lead().email()).isEqualTo("ada@example.com");
              assertThat(call.inTransaction()).isTrue();
            });
    JsonNode list = deals().get("deals");
    JsonNode engines =
        list.valueStream()
            .filter(d -> d.get("externalId").asString().equals("D-1"))
            .findFirst()
            .orElseThrow();
    assertThat(engines.get("title").asString()).isEqualTo("Engines, phase 2");
    assertThat(engines.get("currency").asString()).isEqualTo("EUR");
    assertThat(engines.get("stage").asString()).isEqualTo("proposal");
    assertThat(engines.get("probability").asInt()).isEqualTo(55);
    assertThat(engines.get("contactName").asString()).isEqualTo("Ada Lovelace");
    assertThat(engines.get("companyName").asString()).isEqualTo("Analytical Engines");
    assertThat(engines.get("expectedCloseDate").asString()).isEqualTo("2026-06-30");
    assertThat(engines.get("source").asString()).isEqualTo("csv");
    JsonNode support =
        list.valueStream()
            .filter(d -> d.get("externalId").asString().equals("D-2"))
            .findFirst()
            .orElseThrow();
    assertThat(support.get("title").asString()).isEqualTo("Babbage support");
    assertThat(support.get("stage").asString()).isEqualTo("won");
    EventProbe.Received event =
        events.await(about(integration).and(ofType("integration.synced")), EVENT_WAIT);
    assertThat(event.data().get("records_synced").asInt()).isEqualTo(3);
    assertThat(event.data().get("provider").asString()).isEqualTo("csv");
    JsonNode listed = integrationListed();
    assertThat(listed.get("lastStatus").asString()).isEqualTo("success");
    assertThat(listed.get("recordsSynced").asInt()).isEqualTo(3);
  }

  @Test
  void aFileSentAsTextCsvASecondTimeUpdatesInsteadOfDuplicating() {
    String first = "type,external_id,title,value,stage\r\ndeal,D-9,Renewal,1000,lead\r\n";
    String second =
        "type,external_id,title,value,stage\r\ndeal,D-9,Renewal,1500,negotiation\r\n"
            + "deal,D-10,New one,20,lead\r\n";

    Response once = client().postRaw(syncPath(), bytes(first), "text/csv");
    Response twice = client().postRaw(syncPath(), bytes(second), "text/csv; charset=utf-8");
    Response thrice = client().postRaw(syncPath(), bytes(second), "text/csv");

    assertThat(once.status()).as(once.toString()).isEqualTo(200);
    assertThat(twice.json().get("counts").get("deals").get("updated").asInt()).isEqualTo(1);
    assertThat(twice.json().get("counts").get("deals").get("created").asInt()).isEqualTo(1);
    assertThat(thrice.json().get("counts").get("deals").get("unchanged").asInt()).isEqualTo(2);
    assertThat(thrice.json().get("recordsSynced").asInt()).isZero();
    JsonNode list = deals();
    assertThat(list.get("total").asLong()).isEqualTo(2);
    JsonNode renewal =
        list.get("deals")
            .valueStream()
            .filter(d -> d.get("externalId").asString().equals("D-9"))
            .findFirst()
            .orElseThrow();
    assertThat(renewal.get("value").decimalValue()).isEqualByComparingTo("1500");
    assertThat(renewal.get("stage").asString()).isEqualTo("negotiation");
  }

  @Test
  void badRowsAreReportedByLineNothingIsImportedAndIntegrationFailedIsEmitted() {
    String csv =
        """
        type,external_id,name,title,email,value,stage
        deal,D-1,,Fine deal,,100,lead
        deal,D-2,,"A title
        over two lines",,-5,lead
        deal,D-3,,No value,,,lead
        deal,D-4,,Odd stage,,10,closed
        lead,L-1,,,,,
        lead,L-2,Bob,,not-an-email,,
        opportunity,O-1,,,,,
        deal,D-1,,Duplicate,,1,lead
        """;

    Response refused = client().postFile(syncPath(), "file", "bad.csv", bytes(csv));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().propertyNames()).containsExactly("error", "code", "details");
    assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_CSV");
    assertThat(refused.json().get("error").asString())
        .isEqualTo("7 problems in the file; nothing was imported");
    List<String> problems =
        refused
            .json()
            .get("details")
            .get("problems")
            .valueStream()
            .map(
                p ->
                    p.get("line").asInt()
                        + " "
                        + p.path("column").asString("-")
                        + ": "
                        + p.get("message").asString())
            .toList();
    assertThat(problems)
        .containsExactly(
            "3 value: Value must be zero or more",
            "5 value: value is required for a deal",
            "6 stage: stage must be one of lead, qualified, proposal, negotiation, won, lost",
            "7 name: name is required for a lead",
            "8 email: email is not an email address",
            "9 type: type must be lead or deal",
            "10 external_id: external_id D-1 is also on line 2");
    assertThat(deals().get("total").asLong()).isZero();
    assertThat(leads.calls(admin.orgId())).isEmpty();
    EventProbe.Received failed =
        events.await(about(integration).and(ofType("integration.failed")), EVENT_WAIT);
    assertThat(failed.data().get("reason").asString())
        .isEqualTo("7 problems in the file; nothing was imported");
    assertThat(integrationListed().get("lastStatus").asString()).isEqualTo("failed");
  }

  @Test
  void unknownColumnsAndMalformedCsvAreRefusedWithTheirLine() {
    Response typo =
        client().postRaw(syncPath(), bytes("type,external_id,vaule\ndeal,D-1,3\n"), "text/csv");
    Response unclosed =
        client()
            .postRaw(
                syncPath(),
                bytes("type,external_id,title,value\ndeal,D-1,\"never closed,1\n"),
                "text/csv");
    Response binary =
        client().postRaw(syncPath(), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}, "text/csv");

    assertThat(typo.status()).isEqualTo(400);
    JsonNode problem = typo.json().get("details").get("problems").get(0);
    assertThat(problem.get("line").asInt()).isEqualTo(1);
    assertThat(problem.get("column").asString()).isEqualTo("vaule");
    assertThat(unclosed.status()).isEqualTo(400);
    assertThat(unclosed.json().get("details").get("problems").get(0).get("message").asString())
        .isEqualTo("A quoted field is never closed");
    assertThat(binary.status()).isEqualTo(400);
    assertThat(binary.json().get("error").asString()).isEqualTo("The file is not UTF-8 text");
    assertThat(deals().get("total").asLong()).isZero();
  }

  @Test
  void aSyncWithoutAFileIsRefusedAndRecordsNoOutcome() {
    Response json = client().post(syncPath(), Map.of("file", "type,external_id"));
    Response noPart = client().postFile(syncPath(), "upload", "x.csv", bytes("type,external_id\n"));

    assertThat(json.status()).as(json.toString()).isEqualTo(415);
    assertThat(json.json().get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(noPart.status()).as(noPart.toString()).isEqualTo(400);
    assertThat(noPart.json().get("details").get("fields").has("file")).isTrue();
    assertThat(integrationListed().get("lastSyncedAt").isNull()).isTrue();
  }

  @Test
  void aFileLargerThanAllowedAnswers413() {
    String csv = "type,external_id,title,value\n" + "deal,D-1,Big,1\n".repeat(400);

    Response asBody = client().postRaw(syncPath(), bytes(csv), "text/csv");
    Response asPart = client().postFile(syncPath(), "file", "big.csv", bytes(csv));

    assertThat(asBody.status()).as(asBody.toString()).isEqualTo(413);
    assertThat(asPart.status()).as(asPart.toString()).isEqualTo(413);
    assertThat(asBody.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(deals().get("total").asLong()).isZero();
  }
}
