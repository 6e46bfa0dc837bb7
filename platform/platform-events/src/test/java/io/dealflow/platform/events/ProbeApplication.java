package io.dealflow.platform.events;

import io.dealflow.platform.event.EventType;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A minimal service with a database, an outbox and consumers, for the platform's own tests. */
@SpringBootApplication
class ProbeApplication {

  /**
   * The probe's event.
   *
   * @param itemId the item added
   * @param n its position among its aggregate's items, from 1
   */
  record ItemAdded(UUID itemId, int n) {}

  /** Adds items, each with its event, in one transaction per item. */
  @Service
  static class Items {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    Items(JdbcClient jdbc, Outbox outbox) {
      this.jdbc = jdbc;
      this.outbox = outbox;
    }

    @Transactional
    public UUID add(EventType<ItemAdded> type, UUID orgId, UUID aggregateId, int n) {
      UUID id = UUID.randomUUID();
      jdbc.sql("INSERT INTO probe_item (id, org_id, aggregate_id, n) VALUES (:id, :org, :agg, :n)")
          .param("id", id)
          .param("org", orgId)
          .param("agg", aggregateId)
          .param("n", n)
          .update();
      outbox.append(type, aggregateId, orgId, new ItemAdded(id, n));
      return id;
    }

    @Transactional
    public void addThenFail(EventType<ItemAdded> type, UUID orgId, UUID aggregateId) {
      add(type, orgId, aggregateId, 1);
      throw new IllegalStateException("the change is rolled back");
    }
  }

  /** A consumer's effect: one row per applied event, in the handler's transaction. */
  static EventHandler recordingEffect(JdbcClient jdbc, String consumer) {
    return event -> {
      ItemAdded item = EventJson.MAPPER.treeToValue(event.data(), ItemAdded.class);
      jdbc.sql(
              """
              INSERT INTO probe_effect (consumer, event_id, aggregate_id, n)
              VALUES (:consumer, :event, :agg, :n)
              """)
          .param("consumer", consumer)
          .param("event", event.id())
          .param("agg", UUID.fromString(event.subject()))
          .param("n", item.n())
          .update();
    };
  }
}
