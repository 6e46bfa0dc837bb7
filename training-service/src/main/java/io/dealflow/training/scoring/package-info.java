/**
 * What a call's transcript shows: the performance metrics with their evidence, the end-of-call
 * feedback and the live coaching rules. Pure functions of the transcript; the rules are written out
 * in the service's README.
 */
@NullMarked
package io.dealflow.training.scoring;

import org.jspecify.annotations.NullMarked;
