package io.dealflow.realtime.socket.chat;

import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.support.events.SupportEscalated;
import io.dealflow.support.events.SupportMessageCreated;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HeliosCS live chat's messages to the client: {@code {"type","data"}} with snake_case fields,
 * {@code type} one of the seed's {@code message}, {@code typing}, {@code presence}, {@code
 * escalation}, or {@code error}.
 */
final class ChatMessages {

  static final String ONLINE = "online";
  static final String OFFLINE = "offline";

  private ChatMessages() {}

  /** A message of the session, as support-service stored it: the seed's Message. */
  static String message(SupportMessageCreated created) {
    ObjectNode message = typed("message");
    ObjectNode data = message.putObject("data");
    String id = created.messageId().toString();
    data.put("id", id);
    data.put("message_id", id);
    data.put("session_id", created.sessionId().toString());
    data.put("content", created.content());
    data.put("message_type", created.messageType());
    data.put("timestamp", created.timestamp().toString());
    data.put("status", created.status());
    putId(data, "sender_id", created.senderId());
    ArrayNode citations = data.putArray("citations");
    for (SupportMessageCreated.Citation cited : created.citations()) {
      ObjectNode citation = citations.addObject();
      citation.put("source", cited.source());
      citation.put("title", cited.title());
      citation.put("url", cited.url());
      citation.put("excerpt", cited.excerpt());
      citation.put("confidence", cited.confidence());
    }
    return SocketJson.write(message);
  }

  /** The session was handed to a person: a ticket is open. */
  static String escalated(SupportEscalated escalated) {
    ObjectNode message = typed("escalation");
    ObjectNode data = message.putObject("data");
    data.put("session_id", escalated.sessionId().toString());
    data.put("status", "escalated");
    data.put("reason", escalated.reason());
    data.put("ticket_id", escalated.ticketId().toString());
    return SocketJson.write(message);
  }

  /** An agent joined a session that had been handed to a person. */
  static String agentJoined(UUID sessionId, UUID agentId) {
    ObjectNode message = typed("escalation");
    ObjectNode data = message.putObject("data");
    data.put("session_id", sessionId.toString());
    data.put("status", "agent_joined");
    data.put("agent_id", agentId.toString());
    return SocketJson.write(message);
  }

  static String typing(ChatRooms.Member member, boolean isTyping) {
    ObjectNode message = typed("typing");
    ObjectNode data = participant(message, member);
    data.put("is_typing", isTyping);
    return SocketJson.write(message);
  }

  /** A socket joined ({@link #ONLINE}) or left ({@link #OFFLINE}) the session. */
  static String presence(ChatRooms.Member member, String status) {
    ObjectNode message = typed("presence");
    ObjectNode data = participant(message, member);
    data.put("status", status);
    return SocketJson.write(message);
  }

  static String error(String code, String text) {
    ObjectNode message = typed("error");
    message.putObject("data").put("code", code).put("message", text);
    return SocketJson.write(message);
  }

  private static ObjectNode participant(ObjectNode message, ChatRooms.Member member) {
    ObjectNode data = message.putObject("data");
    data.put("session_id", member.sessionId().toString());
    data.put("user_id", member.userId().toString());
    data.put("role", member.role());
    return data;
  }

  private static ObjectNode typed(String type) {
    ObjectNode message = SocketJson.object();
    message.put("type", type);
    return message;
  }

  private static void putId(ObjectNode data, String field, @Nullable UUID id) {
    if (id == null) {
      data.putNull(field);
    } else {
      data.put(field, id.toString());
    }
  }
}
