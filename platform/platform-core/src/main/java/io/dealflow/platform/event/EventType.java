package io.dealflow.platform.event;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of event in the catalogue: its name, which is also its Kafka topic and its CloudEvents
 * {@code type}, and the record that carries its data. Producers declare these as constants in their
 * contracts module, so that producer and consumers agree on both at compile time.
 *
 * @param name the event's name, e.g. {@code lead.qualified}: lower case words separated by dots
 * @param payload the record holding the event's data
 * @param <T> the payload type
 */
public record EventType<T>(String name, Class<T> payload) {

  private static final Pattern NAME = Pattern.compile("[a-z]+(\\.[a-z]+)+");

  public EventType {
    Objects.requireNonNull(payload, "payload");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "An event name is lower-case words separated by dots, not '" + name + "'");
    }
  }

  public static <T> EventType<T> of(String name, Class<T> payload) {
    return new EventType<>(name, payload);
  }

  /** The Kafka topic the event is published on: its name. */
  public String topic() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
