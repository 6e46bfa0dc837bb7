/** Time ranges that lists are filtered by. */
@NullMarked
package io.dealflow.support.range;

import org.jspecify.annotations.NullMarked;
