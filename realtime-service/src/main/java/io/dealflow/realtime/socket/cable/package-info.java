/** The Spotlight channels on {@code /cable}, spoken in the ActionCable wire protocol. */
@NullMarked
package io.dealflow.realtime.socket.cable;

import org.jspecify.annotations.NullMarked;
