/** The events realtime-service publishes: their names (topics) and data records. */
@NullMarked
package io.dealflow.realtime.events;

import org.jspecify.annotations.NullMarked;
