/** Who may do what in training-service: the caller's organization and role there. */
@NullMarked
package io.dealflow.training.access;

import org.jspecify.annotations.NullMarked;
