/**
 * The demo organization's Spotlight OS data (assistants, leads, conversations with transcripts,
 * appointments), seeded at start when {@code dealflow.crm.demo.enabled} is on.
 */
@NullMarked
package io.dealflow.crm.demo;

import org.jspecify.annotations.NullMarked;
