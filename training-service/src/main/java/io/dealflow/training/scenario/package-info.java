/** Training scenarios: the built-in library and each organization's own, with their prospects. */
@NullMarked
package io.dealflow.training.scenario;

import org.jspecify.annotations.NullMarked;
