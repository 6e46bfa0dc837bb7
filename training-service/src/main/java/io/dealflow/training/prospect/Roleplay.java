package io.dealflow.training.prospect;

import io.dealflow.training.scenario.Scenario;

/**
 * The role-play a prospect plays: the scenario and the difficulty the session chose (which may
 * differ from the scenario's own).
 */
public record Roleplay(Scenario scenario, String difficulty) {}
