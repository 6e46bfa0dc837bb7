package io.dealflow.training.scenario.web;

import io.dealflow.training.scenario.Scenario;
import java.util.UUID;

/** Scenario ids are UUIDs; anything else names no scenario. */
final class ScenarioIds {

  private ScenarioIds() {}

  static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAUuid) {
      throw Scenario.notFound();
    }
  }
}
