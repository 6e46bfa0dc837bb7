package io.dealflow.playbook;

import io.dealflow.platform.test.TestEvents;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes events as another service of the suite would: a CloudEvents JSON envelope, key =
 * subject, checked against the AsyncAPI document before it is sent.
 */
public final class Events {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Events() {}

  /** A {@code training.session.completed} envelope of the organization (not yet published). */
  public static ObjectNode trainingSessionCompleted(
      UUID orgId, UUID userId, long seconds, UUID practiceSessionId) {
    UUID sessionId = UUID.randomUUID();
    Instant completed = Instant.now();
    ObjectNode data = JSON.createObjectNode();
    data.put("session_id", sessionId.toString());
    data.put("user_id", userId.toString());
    data.putNull("scenario_id");
    data.put("session_type", "practice");
    data.put("started_at", completed.minusSeconds(seconds).toString());
    data.put("completed_at", completed.toString());
    data.put("duration", seconds);
    data.put("overall_score", 82);
    data.put("practice_session_id", practiceSessionId.toString());
    data.putNull("rep_assignment_id");
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("specversion", "1.0");
    envelope.put("id", UUID.randomUUID().toString());
    envelope.put("source", "/dealflow/training-service");
    envelope.put("type", "training.session.completed");
    envelope.put("subject", sessionId.toString());
    envelope.put("time", completed.toString());
    envelope.put("datacontenttype", "application/json");
    envelope.put("orgid", orgId.toString());
    envelope.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    envelope.set("data", data);
    return envelope;
  }

  /** Publishes the envelope on its type's topic, keyed by its subject. */
  public static void publish(ObjectNode envelope) {
    TestEvents.publish(envelope);
  }
}
