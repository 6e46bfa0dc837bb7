package io.dealflow.crm.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A JSON:API document with one resource as its primary data: {@code {"data", "included", "meta"}},
 * where {@code meta.timestamp} is when the answer was made (the seed's success response).
 *
 * @param data the resource
 * @param included related resources sent along (a conversation's transcripts); left out when empty
 * @param meta facts about the answer
 */
public record Document(
    Resource data,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Resource> included,
    Map<String, Object> meta) {

  public Document {
    included = List.copyOf(included);
    meta = Map.copyOf(meta);
  }

  public static Document of(Resource data, Clock clock) {
    return of(data, List.of(), clock);
  }

  public static Document of(Resource data, List<Resource> included, Clock clock) {
    return new Document(data, included, Map.of("timestamp", clock.instant().toString()));
  }
}
