/** insights-service: pipeline analytics from events. */
@NullMarked
package io.dealflow.insights;

import org.jspecify.annotations.NullMarked;
