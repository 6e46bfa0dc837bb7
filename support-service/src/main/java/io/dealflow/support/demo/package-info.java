/** The demo organization's knowledge base, seeded when {@code dealflow.support.demo.enabled}. */
@NullMarked
package io.dealflow.support.demo;

import org.jspecify.annotations.NullMarked;
