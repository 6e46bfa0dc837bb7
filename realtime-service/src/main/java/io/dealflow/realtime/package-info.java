/** realtime-service: connections and deliveries, one feature package each (webhook, socket). */
@NullMarked
package io.dealflow.realtime;

import org.jspecify.annotations.NullMarked;
