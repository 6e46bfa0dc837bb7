/**
 * Plumbing shared by the resolvers and the launcher: settings, the state directory, probes,
 * shutdown.
 */
@NullMarked
package io.dealflow.devstack.support;

import org.jspecify.annotations.NullMarked;
