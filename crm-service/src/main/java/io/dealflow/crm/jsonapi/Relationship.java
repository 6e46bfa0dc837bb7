package io.dealflow.crm.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A JSON:API relationship: {@code {"data": {"id", "type"}}} for one, {@code {"data": [...]}} for
 * many, and {@code {"data": null}} for an empty to-one relationship (JSON:API keeps the member).
 *
 * @param data a {@link Identifier}, a list of them, or null
 */
public record Relationship(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object data) {

  /**
   * A resource identifier object.
   *
   * @param id the related resource's id
   * @param type its type
   */
  public record Identifier(String id, String type) {}

  public static Relationship toOne(String type, @Nullable UUID id) {
    return new Relationship(id == null ? null : new Identifier(id.toString(), type));
  }

  public static Relationship toMany(String type, Collection<UUID> ids) {
    List<Identifier> identifiers =
        ids.stream().map(id -> new Identifier(id.toString(), type)).toList();
    return new Relationship(identifiers);
  }
}
