/** The VectorOS event stream on {@code /ws/events}, with replay after a reconnect. */
@NullMarked
package io.dealflow.realtime.socket.events;

import org.jspecify.annotations.NullMarked;
