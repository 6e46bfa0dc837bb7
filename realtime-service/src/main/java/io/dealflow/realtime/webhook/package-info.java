/**
 * Partner webhooks: endpoints an organization's admins register, deliveries queued from the suite's
 * events, signed and sent with retries, and the delivery log.
 */
@NullMarked
package io.dealflow.realtime.webhook;

import org.jspecify.annotations.NullMarked;
