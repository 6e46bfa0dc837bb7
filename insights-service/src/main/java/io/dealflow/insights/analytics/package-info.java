/** Pipeline, conversion and forecast analytics computed from the read model. */
@NullMarked
package io.dealflow.insights.analytics;

import org.jspecify.annotations.NullMarked;
