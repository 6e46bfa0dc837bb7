/**
 * The launcher behind ./run: provides the infrastructure, starts the services, supervises and stops
 * them.
 */
@NullMarked
package io.dealflow.devstack.launch;

import org.jspecify.annotations.NullMarked;
