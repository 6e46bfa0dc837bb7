package io.dealflow.realtime.socket.cable;

import io.dealflow.insights.events.InsightsEvents;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.support.events.SupportEvents;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Spotlight channels and the messages each makes of the suite's events. A subscription may
 * narrow a channel to one conversation or lead with {@code conversation_id} / {@code lead_id} in
 * its identifier.
 *
 * <p>A conversation that reaches {@code completed} is told once, from {@code
 * conversation.completed} (which carries its score, duration and sentiment); its {@code
 * conversation.status.changed} to {@code completed} would say the same with less.
 */
enum CableChannel {
  CONVERSATION("ConversationChannel", "conversation_id") {
    @Override
    @Nullable ObjectNode render(ReceivedEvent event) {
      JsonNode data = event.data();
      return switch (event.type()) {
        case "transcript.added" -> {
          ObjectNode message = message("transcript_update", "conversation_id", data);
          ObjectNode transcript = message.putObject("data");
          transcript.set("id", data.get("transcript_id"));
          transcript.set("content", data.get("content"));
          transcript.set("speaker", data.get("speaker"));
          transcript.set("sentiment", data.get("sentiment"));
          transcript.set("timestamp", data.get("timestamp"));
          yield message;
        }
        case "conversation.status.changed" -> {
          if ("completed".equals(data.path("status").asString())) {
            yield null;
          }
          ObjectNode message = message("conversation_status", "conversation_id", data);
          ObjectNode status = message.putObject("data");
          status.set("status", data.get("status"));
          status.set("previous_status", data.get("previous_status"));
          status.set("lead_id", data.get("lead_id"));
          yield message;
        }
        case "conversation.completed" -> {
          ObjectNode message = message("conversation_status", "conversation_id", data);
          ObjectNode status = message.putObject("data");
          status.put("status", "completed");
          status.set("lead_id", data.get("lead_id"));
          status.set("score", data.get("score"));
          status.set("duration", data.get("duration"));
          status.set("sentiment", data.get("sentiment"));
          yield message;
        }
        default -> null;
      };
    }
  },
  LEAD("LeadChannel", "lead_id") {
    @Override
    @Nullable ObjectNode render(ReceivedEvent event) {
      String type =
          switch (event.type()) {
            case "lead.created" -> "lead_created";
            case "lead.status.changed" -> "lead_status_changed";
            case "lead.score.changed" -> "lead_score_changed";
            case "lead.qualified" -> "lead_qualified";
            default -> null;
          };
      if (type == null) {
        return null;
      }
      ObjectNode message = message(type, "lead_id", event.data());
      ObjectNode data =
          event.data().deepCopy() instanceof ObjectNode copy ? copy : SocketJson.object();
      data.remove("lead_id");
      message.set("data", data);
      return message;
    }
  },
  NOTIFICATION("NotificationChannel", null) {
    @Override
    @Nullable ObjectNode render(ReceivedEvent event) {
      if (HANDLED_ELSEWHERE.contains(event.type()) || NOT_SPOTLIGHTS.contains(event.type())) {
        return null;
      }
      ObjectNode message = SocketJson.object();
      message.put("type", "notification");
      message.put("id", event.id().toString());
      message.put("event", event.type());
      message.put("subject", event.subject());
      message.put("timestamp", event.time().toString());
      message.set("data", event.data());
      return message;
    }
  };

  /** Events that have a channel of their own do not also become notifications. */
  private static final Set<String> HANDLED_ELSEWHERE =
      Set.of(
          "transcript.added",
          "conversation.status.changed",
          "conversation.completed",
          "lead.created",
          "lead.status.changed",
          "lead.score.changed",
          "lead.qualified");

  /**
   * Support chat events are HeliosCS's (they reach {@code /ws/chat/*} and {@code /ws/events}) and
   * insights VectorOS's ({@code /ws/events}): not Spotlight's notifications.
   */
  private static final Set<String> NOT_SPOTLIGHTS =
      java.util.stream.Stream.concat(SupportEvents.ALL.stream(), InsightsEvents.ALL.stream())
          .map(EventType::name)
          .collect(Collectors.toUnmodifiableSet());

  private final String wireName;
  private final @Nullable String filterField;

  CableChannel(String wireName, @Nullable String filterField) {
    this.wireName = wireName;
    this.filterField = filterField;
  }

  /** The channel's message for this event, or null when the event is not the channel's. */
  abstract @Nullable ObjectNode render(ReceivedEvent event);

  /** The field of the identifier (and of the rendered message) that narrows a subscription. */
  @Nullable String filterField() {
    return filterField;
  }

  static Optional<CableChannel> named(@Nullable String name) {
    return Arrays.stream(values()).filter(channel -> channel.wireName.equals(name)).findFirst();
  }

  private static ObjectNode message(String type, String idField, JsonNode data) {
    ObjectNode message = SocketJson.object();
    message.put("type", type);
    message.set(idField, data.get(idField));
    return message;
  }
}
