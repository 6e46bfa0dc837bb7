/**
 * Demo deals across the pipeline of the demo organization, seeded at start when {@code
 * dealflow.crm.demo.enabled} is on.
 */
@NullMarked
package io.dealflow.crm.deal.demo;

import org.jspecify.annotations.NullMarked;
