package io.dealflow.realtime.socket.events;

import io.dealflow.crm.events.CrmEvents;
import io.dealflow.insights.events.InsightsEvents;
import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.realtime.socket.SocketJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data} of a {@code /ws/events} message: for the events VectorOS's seed shows, its
 * objects; for every other event, the catalogue payload as it is (snake_case, as webhooks carry
 * it).
 *
 * <ul>
 *   <li>{@code deal.created}: the deal as {@code GET /deals/{id}} returns it (camelCase, {@code id}
 *       for the payload's {@code deal_id}).
 *   <li>{@code insight.generated} and {@code insight.critical}: the insight as {@code GET
 *       /workspaces/{id}/insights} lists it (camelCase).
 *   <li>{@code integration.synced}: {@code {integration_id, status, records_synced}}.
 * </ul>
 */
final class EventsData {

  private static final List<String> SYNCED = List.of("integration_id", "status", "records_synced");

  private EventsData() {}

  static JsonNode of(ReceivedEvent event) {
    if (!(event.data() instanceof ObjectNode data)) {
      return event.data();
    }
    if (event.is(CrmEvents.DEAL_CREATED)) {
      return camelCase(renamed(data, Map.of("deal_id", "id")));
    }
    if (event.is(InsightsEvents.INSIGHT_GENERATED) || event.is(InsightsEvents.INSIGHT_CRITICAL)) {
      return camelCase(data);
    }
    if (event.is(CrmEvents.INTEGRATION_SYNCED)) {
      ObjectNode synced = SocketJson.object();
      SYNCED.stream().filter(data::has).forEach(field -> synced.set(field, data.get(field)));
      return synced;
    }
    return data;
  }

  private static ObjectNode renamed(ObjectNode data, Map<String, String> names) {
    ObjectNode out = SocketJson.object();
    for (Map.Entry<String, JsonNode> field : data.properties()) {
      out.set(names.getOrDefault(field.getKey(), field.getKey()), field.getValue());
    }
    return out;
  }

  /** The same tree with every object's field names in camelCase ({@code workspace_id} → …Id). */
  static JsonNode camelCase(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = SocketJson.object();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        out.set(camelCase(field.getKey()), camelCase(field.getValue()));
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(array.size());
      array.forEach(item -> out.add(camelCase(item)));
      return out;
    }
    return node;
  }

  static String camelCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
