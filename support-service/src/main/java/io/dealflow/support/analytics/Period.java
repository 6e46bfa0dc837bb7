package io.dealflow.support.analytics;

import java.time.Instant;

/** The time analytics cover: sessions created from {@code from} (inclusive) to {@code to}. */
public record Period(Instant from, Instant to) {}
