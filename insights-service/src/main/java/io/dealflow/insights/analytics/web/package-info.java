/** The VectorOS analytics routes. */
@NullMarked
package io.dealflow.insights.analytics.web;

import org.jspecify.annotations.NullMarked;
