/**
 * HeliosCS live chat on {@code /ws/chat/{session_id}}: turns relayed to support-service, its
 * messages and escalations delivered from events, typing and presence shared between instances.
 */
@NullMarked
package io.dealflow.realtime.socket.chat;

import org.jspecify.annotations.NullMarked;
