/**
 * The public API map: which service and which API family own each path, and how requests reach
 * them.
 */
@NullMarked
package io.dealflow.gateway.route;

import org.jspecify.annotations.NullMarked;
