package io.dealflow.realtime.socket.events;

import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.realtime.socket.SocketJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The VectorOS wire shape {@code {"event","data"}}, with the event's {@code id} (to resume after a
 * reconnect) and {@code time} beside them; {@code data} as {@link EventsData} shapes it.
 */
final class EventsMessages {

  private EventsMessages() {}

  static String of(ReceivedEvent event) {
    ObjectNode message = SocketJson.object();
    message.put("id", event.id().toString());
    message.put("event", event.type());
    message.put("time", event.time().toString());
    message.set("data", EventsData.of(event));
    return SocketJson.write(message);
  }

  static ObjectNode control(String event) {
    ObjectNode message = SocketJson.object();
    message.put("event", event);
    return message;
  }
}
