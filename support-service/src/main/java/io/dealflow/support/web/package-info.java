/** The HeliosCS list conventions every controller shares: paging, filters and sorting. */
@NullMarked
package io.dealflow.support.web;

import org.jspecify.annotations.NullMarked;
