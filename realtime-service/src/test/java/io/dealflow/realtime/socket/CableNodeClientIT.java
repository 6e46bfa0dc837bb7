package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official {@code @rails/actioncable} client (Node, {@code src/test/node}), unchanged, against
 * {@code /cable}: each of two users of two organizations receives their own organization's lead
 * status change on LeadChannel, and not the other's; a user subscribed to LeadChannel and
 * ConversationChannel receives a score change on the first and a status change on the second. Needs
 * {@code node} and {@code npm} on the PATH and the npm registry reachable for {@code npm ci};
 * without them the test fails, saying so.
 */
class CableNodeClientIT extends RunningSockets {

  private static final Path HARNESS = Path.of("src/test/node");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theOfficialActionCableClientReceivesItsOrganizationsLeadStatusChangeOnly() throws Exception {
    awaitEventsFlowing();
    run(List.of("npm", "ci", "--no-audit", "--no-fund"), 180);
    TestUser alice = TestUsers.inNewOrganization("rep");
    TestUser bob = TestUsers.inNewOrganization("rep");

    Process node =
        new ProcessBuilder(
                "node",
                "lead-channel.js",
                "ws://localhost:" + port + "/cable",
                alice.token(),
                bob.token(),
                "40")
            .directory(HARNESS.toFile())
            .redirectErrorStream(true)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = Thread.ofVirtual().start(() -> readLines(node, lines));
    try {
      awaitLine(lines, "READY");
      UUID alicesLead = UUID.randomUUID();
      UUID bobsLead = UUID.randomUUID();
      Events.publish(
          "lead.status.changed", alice.orgId(), alicesLead.toString(), changed(alicesLead));
      Events.publish("lead.status.changed", bob.orgId(), bobsLead.toString(), changed(bobsLead));

      assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the Node client finishes").isTrue();
      reader.join(5000);
      List<String> output = new ArrayList<>(lines);
      assertThat(node.exitValue()).as("exit code; output: %s", output).isZero();

      JsonNode alicesMessage = firstOf("A", output);
      assertThat(alicesMessage.path("type").asString()).isEqualTo("lead_status_changed");
      assertThat(alicesMessage.path("lead_id").asString()).isEqualTo(alicesLead.toString());
      assertThat(alicesMessage.path("data").path("status").asString()).isEqualTo("qualified");
      assertThat(firstOf("B", output).path("lead_id").asString())
          .as("bob's first message is his own lead, alice's never reached him")
          .isEqualTo(bobsLead.toString());
    } finally {
      node.destroyForcibly();
    }
  }

  @Test
  void theOfficialActionCableClientReceivesScoreAndConversationStatusChanges() throws Exception {
    awaitEventsFlowing();
    run(List.of("npm", "ci", "--no-audit", "--no-fund"), 180);
    TestUser carol = TestUsers.inNewOrganization("rep");

    Process node =
        new ProcessBuilder(
                "node",
                "live-channels.js",
                "ws://localhost:" + port + "/cable",
                carol.token(),
                "40")
            .directory(HARNESS.toFile())
            .redirectErrorStream(true)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = Thread.ofVirtual().start(() -> readLines(node, lines));
    try {
      awaitLine(lines, "READY");
      UUID lead = UUID.randomUUID();
      ObjectNode score = Events.data();
      score.put("lead_id", lead.toString());
      score.put("previous_score", 35);
      score.put("score", 55);
      ObjectNode engagement = score.putArray("factors").addObject();
      engagement.put("criterion", "engagement");
      engagement.put("points", 12);
      engagement.put("max_points", 20);
      engagement.put("reason", "2 conversations, 1 completed");
      Events.publish("lead.score.changed", carol.orgId(), lead.toString(), score);
      UUID conversation = UUID.randomUUID();
      ObjectNode status = Events.data();
      status.put("conversation_id", conversation.toString());
      status.putNull("lead_id");
      status.put("previous_status", "in_progress");
      status.put("status", "failed");
      Events.publish("conversation.status.changed", carol.orgId(), conversation.toString(), status);

      assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the Node client finishes").isTrue();
      reader.join(5000);
      List<String> output = new ArrayList<>(lines);
      assertThat(node.exitValue()).as("exit code; output: %s", output).isZero();

      JsonNode scoreMessage = firstOf("LeadChannel", output);
      assertThat(scoreMessage.path("type").asString()).isEqualTo("lead_score_changed");
      assertThat(scoreMessage.path("lead_id").asString()).isEqualTo(lead.toString());
      assertThat(scoreMessage.path("data").path("previous_score").asInt()).isEqualTo(35);
      assertThat(scoreMessage.path("data").path("score").asInt()).isEqualTo(55);
      assertThat(scoreMessage.path("data").path("factors").get(0).path("criterion").asString())
          .isEqualTo("engagement");
      JsonNode statusMessage = firstOf("ConversationChannel", output);
      assertThat(statusMessage.path("type").asString()).isEqualTo("conversation_status");
      assertThat(statusMessage.path("conversation_id").asString())
          .isEqualTo(conversation.toString());
      assertThat(statusMessage.path("data").path("status").asString()).isEqualTo("failed");
      assertThat(statusMessage.path("data").path("previous_status").asString())
          .isEqualTo("in_progress");
    } finally {
      node.destroyForcibly();
    }
  }

  private static void run(List<String> command, int timeoutSeconds) throws Exception {
    assertThat(Files.isRegularFile(HARNESS.resolve("package-lock.json")))
        .as("the Node harness at %s", HARNESS.toAbsolutePath())
        .isTrue();
    Process process;
    try {
      process =
          new ProcessBuilder(command).directory(HARNESS.toFile()).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      throw new AssertionError(
          "This test needs Node.js 20+ and npm on the PATH: " + notInstalled.getMessage(),
          notInstalled);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
        .as("%s finishes", command)
        .isTrue();
    assertThat(process.exitValue()).as("%s exit code; output:%n%s", command, output).isZero();
  }

  private static void readLines(Process process, BlockingQueue<String> lines) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException closed) {
      lines.add("(output closed: " + closed.getMessage() + ")");
    }
  }

  private static void awaitLine(BlockingQueue<String> lines, String expected)
      throws InterruptedException {
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.add(line);
        if (line.equals(expected)) {
          lines.addAll(seen.subList(0, seen.size() - 1));
          return;
        }
      }
    }
    throw new AssertionError("The Node client never printed " + expected + "; output: " + seen);
  }

  private static JsonNode firstOf(String consumer, List<String> output) {
    return output.stream()
        .filter(line -> line.startsWith(consumer + " "))
        .findFirst()
        .map(line -> JSON.readTree(line.substring(consumer.length() + 1)))
        .orElseThrow(() -> new AssertionError("No message for " + consumer + " in " + output));
  }

  private static ObjectNode changed(UUID lead) {
    ObjectNode data = Events.data();
    data.put("lead_id", lead.toString());
    data.put("previous_status", "new");
    data.put("status", "qualified");
    data.put("score", 90);
    return data;
  }
}
