/** Client WebSockets: authentication, limits, timeouts and the per-instance socket registry. */
@NullMarked
package io.dealflow.realtime.socket;

import org.jspecify.annotations.NullMarked;
