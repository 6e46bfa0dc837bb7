package io.dealflow.training.objection;

import io.dealflow.training.scenario.Scenario;

/**
 * An admin's approval of the scenario from the calls.
 *
 * @param scenario the published scenario
 * @param created whether it is new (else the published one was revised)
 */
public record Approval(Scenario scenario, boolean created) {}
