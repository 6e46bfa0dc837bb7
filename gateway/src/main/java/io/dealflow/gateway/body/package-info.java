/** Request body limits at the edge: 413 before a body past its route's limit is read. */
@NullMarked
package io.dealflow.gateway.body;

import org.jspecify.annotations.NullMarked;
