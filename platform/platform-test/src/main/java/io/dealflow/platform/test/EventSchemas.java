package io.dealflow.platform.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The event catalogue as the AsyncAPI document ({@code docs/asyncapi.yaml}) describes it, as JSON
 * Schemas an event can be checked against: a produced event that does not match its message's
 * payload schema fails the test that saw it.
 */
public final class EventSchemas {

  static final String DOCUMENT = "docs/asyncapi.yaml";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile EventSchemas loaded;

  private final JsonNode document;
  private final Map<String, Schema> byType;

  private EventSchemas(JsonNode document) {
    this.document = document;
    JsonNode schemas = document.path("components").path("schemas");
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Map<String, Schema> schemasByType = new LinkedHashMap<>();
    document
        .path("components")
        .path("messages")
        .forEach(
            message -> {
              ObjectNode standalone = JSON.createObjectNode();
              standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
              standalone.set("$defs", schemas);
              standalone.setAll((ObjectNode) message.get("payload"));
              JsonNode rewritten =
                  JSON.readTree(
                      JSON.writeValueAsString(standalone)
                          .replace("#/components/schemas/", "#/$defs/"));
              schemasByType.put(message.get("name").asString(), registry.getSchema(rewritten));
            });
    this.byType = Map.copyOf(schemasByType);
  }

  /** The repository's AsyncAPI document, found above the working directory; read once. */
  public static EventSchemas load() {
    EventSchemas current = loaded;
    if (current == null) {
      synchronized (EventSchemas.class) {
        if (loaded == null) {
          loaded = new EventSchemas(read(locate()));
        }
        current = loaded;
      }
    }
    return current;
  }

  /** The event types the document describes. */
  public Set<String> types() {
    return byType.keySet();
  }

  /** The Kafka topics (channel addresses) the document describes. */
  public Set<String> topics() {
    Set<String> addresses = new java.util.LinkedHashSet<>();
    document.path("channels").forEach(channel -> addresses.add(channel.get("address").asString()));
    return addresses;
  }

  /**
   * The ways {@code event} differs from its type's schema: empty when it matches.
   *
   * @return empty when the event's type is not in the document (ask {@link #types()} for that)
   */
  public Optional<List<String>> violations(JsonNode event) {
    Schema schema = byType.get(event.path("type").asString(""));
    if (schema == null) {
      return Optional.empty();
    }
    return Optional.of(schema.validate(event).stream().map(Error::toString).toList());
  }

  /**
   * Fails unless the event's type is in the catalogue and the event matches its schema.
   *
   * @throws AssertionError naming each difference
   */
  public void assertValid(JsonNode event) {
    String type = event.path("type").asString("");
    List<String> problems =
        violations(event)
            .orElseThrow(
                () -> new AssertionError("Event type '" + type + "' is not in " + DOCUMENT));
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "The " + type + " event does not match " + DOCUMENT + ": " + problems + "\n" + event);
    }
  }

  private static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DOCUMENT);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No " + DOCUMENT + " above " + Path.of("").toAbsolutePath());
  }

  private static JsonNode read(Path file) {
    try {
      return YAMLMapper.builder().build().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
