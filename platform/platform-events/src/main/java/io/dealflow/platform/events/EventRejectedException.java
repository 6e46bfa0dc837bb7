package io.dealflow.platform.events;

/**
 * A handler's permanent refusal of an event (its data breaks a rule that no retry will change): the
 * event goes to the dead-letter topic at once, without the remaining attempts.
 */
public class EventRejectedException extends RuntimeException {

  public EventRejectedException(String message) {
    super(message);
  }

  public EventRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
