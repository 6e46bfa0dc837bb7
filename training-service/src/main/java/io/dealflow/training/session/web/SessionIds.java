package io.dealflow.training.session.web;

import io.dealflow.training.session.TrainingSession;
import java.util.UUID;

/** Session ids are UUIDs; anything else names no session. */
final class SessionIds {

  private SessionIds() {}

  static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAUuid) {
      throw TrainingSession.notFound();
    }
  }
}
