/**
 * The AI provider every service uses: an OpenAI-compatible API when one is configured, the
 * service's offline model otherwise, behind one {@link io.dealflow.platform.ai.Assistant}.
 */
@NullMarked
package io.dealflow.platform.ai;

import org.jspecify.annotations.NullMarked;
