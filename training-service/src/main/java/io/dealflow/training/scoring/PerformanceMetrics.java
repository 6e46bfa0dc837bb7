package io.dealflow.training.scoring;

import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code performance_metrics}. A score is null when the call gave nothing to score it on
 * (no objection was raised, or the rep never spoke): never a made-up number.
 */
public record PerformanceMetrics(
    @Nullable Integer overallScore,
    @Nullable Double talkTimeRatio,
    int questionCount,
    @Nullable Integer objectionHandlingScore,
    @Nullable Integer rapportBuildingScore,
    @Nullable Integer closingEffectiveness) {}
