/** The insight rules: figures in, findings out (pure, no Spring). */
@NullMarked
package io.dealflow.insights.rules;

import org.jspecify.annotations.NullMarked;
