package io.dealflow.support.range;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A time range; either end may be open. {@code from} is inclusive, {@code to} exclusive. */
public record TimeRange(@Nullable Instant from, @Nullable Instant to) {}
