/**
 * The role-play prospect: scripted from the scenario's conversation flow offline, or played by an
 * OpenAI-compatible model when one is configured.
 */
@NullMarked
package io.dealflow.training.prospect;

import org.jspecify.annotations.NullMarked;
