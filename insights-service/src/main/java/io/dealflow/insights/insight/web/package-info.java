/** The VectorOS insight routes. */
@NullMarked
package io.dealflow.insights.insight.web;

import org.jspecify.annotations.NullMarked;
