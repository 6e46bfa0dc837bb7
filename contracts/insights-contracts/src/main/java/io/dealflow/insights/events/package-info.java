/** The events insights-service publishes. */
@NullMarked
package io.dealflow.insights.events;

import org.jspecify.annotations.NullMarked;
