package io.dealflow.support.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.support.RunningSupportService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Large sources are indexed in the background: accepted at once, searchable once {@code ready}; a
 * source whose indexing instance stopped is indexed again when its claim expires.
 */
class KnowledgeIndexingIT extends RunningSupportService {

  @Autowired JdbcClient jdbc;

  /** About 150 passages of distinct text, with one sentence nothing else says. */
  static String largeText(String unique) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append("Section ")
          .append(i)
          .append(". The maintenance schedule for depot ")
          .append(i)
          .append(" lists inspections of conveyor belt ")
          .append(i * 7)
          .append(", forklift battery ")
          .append(i * 3)
          .append(" and loading dock door ")
          .append(i % 17)
          .append(". Inspectors record each finding in the depot log before the next shift, and")
          .append(" a supervisor signs the log at the end of every week for depot ")
          .append(i)
          .append(".\n\n");
      if (i == 150) {
        text.append(unique).append("\n\n");
      }
    }
    return text.toString();
  }

  @Test
  void aLargeSourceIsAcceptedThenBecomesSearchable() {
    ApiClient agent = as(TestUsers.inNewOrganization("agent"));
    String unique =
        "The emergency generator at depot 150 is tested on the first Monday of each month.";

    Response accepted =
        agent.post(
            "/support/knowledge/sources",
            Map.of(
                "name",
                "Depot Maintenance Manual",
                "type",
                "document",
                "content",
                largeText(unique)));

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.json().get("status").asString()).isEqualTo("indexing");
    String id = accepted.json().get("id").asString();
    JsonNode ready = awaitReady(agent, id);
    assertThat(ready.get("chunk_count").asInt()).isGreaterThan(50);
    JsonNode found =
        agent
            .get(
                "/support/knowledge/search?q=When%20is%20the%20emergency%20generator%20tested%3F&limit=3")
            .json();
    assertThat(found.get("results").get(0).get("content").asString()).contains(unique);
  }

  @Test
  void aSourceLeftByAStoppedInstanceIsIndexedWhenItsClaimExpires() {
    UUID orgId = UUID.randomUUID();
    ApiClient agent = as(TestUsers.create(orgId, "agent"));
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    jdbc.sql(
            """
            INSERT INTO knowledge_sources
                (id, org_id, name, type, metadata, content, chunk_count, status, created_by,
                 created_at, updated_at, claimed_until)
            VALUES (:id, :orgId, 'Crash Handbook', 'document', '{}', :content, 0, 'indexing',
                    :orgId, :now, :now, :expired)
            """)
        .param("id", id)
        .param("orgId", orgId)
        .param("content", "After a crash the handbook says to restart the sorter from panel Q9.")
        .param("now", Timestamp.from(now))
        .param("expired", Timestamp.from(now.minusSeconds(60)))
        .update();

    JsonNode ready = awaitReady(agent, id.toString());

    assertThat(ready.get("chunk_count").asInt()).isEqualTo(1);
    assertThat(agent.get("/support/knowledge/search?q=panel%20Q9").json().get("results"))
        .hasSize(1);
  }

  private static JsonNode awaitReady(ApiClient agent, String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonNode source = agent.get("/support/knowledge/sources/" + id).json();
      if (!source.get("status").asString().equals("indexing")) {
        assertThat(source.get("status").asString()).isEqualTo("ready");
        return source;
      }
      sleep();
    }
    throw new AssertionError("source " + id + " was not indexed within 120 s");
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
