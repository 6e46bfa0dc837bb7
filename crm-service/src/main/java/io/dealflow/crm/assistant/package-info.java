/**
 * Spotlight OS assistants: the AI callers with their tone, script, voice settings and voice sample.
 */
@NullMarked
package io.dealflow.crm.assistant;

import org.jspecify.annotations.NullMarked;
