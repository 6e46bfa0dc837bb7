/**
 * Speech both ways for the role-play call, offline by default: Vosk hears the rep, FreeTTS speaks
 * for the prospect, and an OpenAI-compatible API can replace either when configured.
 */
@NullMarked
package io.dealflow.training.speech;

import org.jspecify.annotations.NullMarked;
