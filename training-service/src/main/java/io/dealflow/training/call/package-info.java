/**
 * The role-play call: the socket realtime-service relays {@code /ws/voice/{session_id}} to, which
 * hears the rep, answers as the prospect, coaches and ends the session.
 */
@NullMarked
package io.dealflow.training.call;

import org.jspecify.annotations.NullMarked;
