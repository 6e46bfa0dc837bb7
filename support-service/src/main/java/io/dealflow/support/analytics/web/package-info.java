/** The HeliosCS analytics routes. */
@NullMarked
package io.dealflow.support.analytics.web;

import org.jspecify.annotations.NullMarked;
