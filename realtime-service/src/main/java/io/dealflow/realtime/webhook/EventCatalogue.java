package io.dealflow.realtime.webhook;

import io.dealflow.crm.events.CrmEvents;
import io.dealflow.identity.events.IdentityEvents;
import io.dealflow.insights.events.InsightsEvents;
import io.dealflow.platform.event.EventType;
import io.dealflow.playbook.events.PlaybookEvents;
import io.dealflow.realtime.events.RealtimeEvents;
import io.dealflow.support.events.SupportEvents;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The event types an endpoint can subscribe to, and its filters: an exact type, {@code *} for all,
 * or a prefix wildcard such as {@code deal.*}.
 */
final class EventCatalogue {

  static final List<EventType<?>> TYPES =
      Stream.of(
              CrmEvents.ALL,
              IdentityEvents.ALL,
              PlaybookEvents.ALL,
              SupportEvents.ALL,
              InsightsEvents.ALL,
              RealtimeEvents.ALL)
          .flatMap(List::stream)
          .toList();

  static final List<String> NAMES = TYPES.stream().map(EventType::name).sorted().toList();

  /** The ping that {@code POST /{id}/test} sends; it matches no filter. */
  static final String TEST_EVENT = "webhook.test";

  private EventCatalogue() {}

  /** Whether a filter names a catalogue event, or a wildcard that matches at least one. */
  static boolean isValidFilter(String filter) {
    return NAMES.stream().anyMatch(name -> matches(filter, name));
  }

  static boolean matchesAny(Collection<String> filters, String eventType) {
    return filters.stream().anyMatch(filter -> matches(filter, eventType));
  }

  static boolean matches(String filter, String eventType) {
    if (filter.equals("*")) {
      return true;
    }
    if (filter.endsWith(".*")) {
      return eventType.startsWith(filter.substring(0, filter.length() - 1));
    }
    return filter.equals(eventType);
  }
}
