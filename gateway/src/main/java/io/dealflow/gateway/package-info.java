/** The suite's single public entry point: every client request passes through here first. */
@NullMarked
package io.dealflow.gateway;

import org.jspecify.annotations.NullMarked;
