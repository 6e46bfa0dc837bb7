package io.dealflow.crm.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A JSON:API resource object: {@code {"id", "type", "attributes", "relationships"}}.
 *
 * @param id the resource's id
 * @param type its type, singular as the seed spells it ({@code lead}, {@code assistant}, ...)
 * @param attributes a record of its attributes, in wire order
 * @param relationships its relationships by name; left out when it has none
 */
public record Resource(
    String id,
    String type,
    Object attributes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Relationship> relationships) {

  public Resource {
    relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
  }

  public static Resource of(UUID id, String type, Object attributes) {
    return new Resource(id.toString(), type, attributes, Map.of());
  }

  /** This resource with one more relationship. */
  public Resource with(String name, Relationship relationship) {
    Map<String, Relationship> more = new LinkedHashMap<>(relationships);
    more.put(name, relationship);
    return new Resource(id, type, attributes, more);
  }
}
