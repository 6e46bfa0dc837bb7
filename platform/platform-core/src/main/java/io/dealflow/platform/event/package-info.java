/**
 * What producers and consumers of events share at compile time: the typed event catalogue entry.
 */
@NullMarked
package io.dealflow.platform.event;

import org.jspecify.annotations.NullMarked;
