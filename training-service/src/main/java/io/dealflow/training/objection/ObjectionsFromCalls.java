package io.dealflow.training.objection;

import io.dealflow.crm.events.CrmEvents;
import io.dealflow.platform.events.EventRejectedException;
import io.dealflow.platform.events.EventSubscription;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumer {@code call-objections}: crm's transcript lines and completed conversations, each event
 * applied once, become the organization's objections and call lengths.
 */
@Configuration(proxyBeanMethods = false)
class ObjectionsFromCalls {

  static final String CONSUMER = "call-objections";

  @Bean
  EventSubscription callObjectionsConsumer(ObjectionManagement objections) {
    return EventSubscription.of(
        CONSUMER,
        event -> {
          UUID orgId = event.orgId();
          if (orgId == null) {
            throw new EventRejectedException(
                "A crm call event without an organization: whose calls would it be?");
          }
          if (event.is(CrmEvents.TRANSCRIPT_ADDED)) {
            objections.heard(
                orgId, event.id(), event.time(), event.data(CrmEvents.TRANSCRIPT_ADDED));
          } else {
            objections.completed(orgId, event.time(), event.data(CrmEvents.CONVERSATION_COMPLETED));
          }
        },
        CrmEvents.TRANSCRIPT_ADDED,
        CrmEvents.CONVERSATION_COMPLETED);
  }
}
