package io.dealflow.platform.events;

/**
 * Applies one event. It runs inside the database transaction that also records the event's id as
 * applied, so its database effects happen once even when Kafka delivers the event again. A handler
 * that throws is retried, and after the last attempt the event goes to the dead-letter topic; one
 * that throws {@link EventRejectedException} sends it there at once. A failure of what the handler
 * depends on (the database unreachable, a timeout) is retried until it passes, never dead-lettered.
 */
@FunctionalInterface
public interface EventHandler {

  void handle(ReceivedEvent event) throws Exception;
}
