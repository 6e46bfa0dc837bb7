/** training-service: scenarios, training sessions, the role-play call, speech and analytics. */
@NullMarked
package io.dealflow.training;

import org.jspecify.annotations.NullMarked;
