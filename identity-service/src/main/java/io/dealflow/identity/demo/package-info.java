/**
 * The demo organization and its two users, seeded at start when {@code
 * dealflow.identity.demo.enabled} is on, so that a fresh suite can be tried at once.
 */
@NullMarked
package io.dealflow.identity.demo;

import org.jspecify.annotations.NullMarked;
