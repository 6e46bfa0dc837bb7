/** Insights raised by the rules from the read model, each cause once, and their status. */
@NullMarked
package io.dealflow.insights.insight;

import org.jspecify.annotations.NullMarked;
