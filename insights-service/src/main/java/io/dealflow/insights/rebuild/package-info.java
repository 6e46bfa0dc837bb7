/** The operator's rebuild of the read models from the topics they are fed by. */
@NullMarked
package io.dealflow.insights.rebuild;

import org.jspecify.annotations.NullMarked;
