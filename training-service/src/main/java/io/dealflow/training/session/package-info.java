/** Training sessions: who plays which scenario, the call's transcript, its score and rating. */
@NullMarked
package io.dealflow.training.session;

import org.jspecify.annotations.NullMarked;
