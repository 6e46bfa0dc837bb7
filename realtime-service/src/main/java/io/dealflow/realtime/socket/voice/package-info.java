/**
 * The Voice Sales Trainer's call on {@code /ws/voice/{session_id}}, relayed to training-service.
 */
@NullMarked
package io.dealflow.realtime.socket.voice;

import org.jspecify.annotations.NullMarked;
