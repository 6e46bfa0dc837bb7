package io.dealflow.support.web;

import io.dealflow.platform.error.ApiException;
import java.util.UUID;

/** Ids are UUIDs; any other path segment names nothing, so it is 404 {@code NOT_FOUND}. */
public final class Ids {

  private Ids() {}

  public static UUID parse(String id, String what) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAUuid) {
      throw ApiException.notFound(what);
    }
  }
}
