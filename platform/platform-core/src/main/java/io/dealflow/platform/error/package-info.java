/** One error model for the whole suite and its rendering in each public API family's format. */
@NullMarked
package io.dealflow.platform.error;

import org.jspecify.annotations.NullMarked;
