/** Speech on request: synthesized previews with their audio, and one-shot transcription. */
@NullMarked
package io.dealflow.training.voice;

import org.jspecify.annotations.NullMarked;
