/**
 * Learning analytics: a rep's progress, skills, achievements and trends, computed from their
 * completed sessions.
 */
@NullMarked
package io.dealflow.training.learning;

import org.jspecify.annotations.NullMarked;
