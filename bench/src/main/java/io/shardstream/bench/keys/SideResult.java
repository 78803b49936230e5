package io.shardstream.bench.keys;

import io.shardstream.bench.jmh.RateStatistics;
import java.time.Duration;

/**
 * One side of a comparison, measured.
 *
 * @param name what was measured, e.g. {@code shardstream} or {@code entity-manager}
 * @param method how, e.g. {@code JMH 1.37 throughput, 1 fork, 3×1s warm-up, 5×1s measured}
 * @param rates items per second of each measured iteration, with mean and error
 * @param runtime the VM and library versions that ran it
 * @param wallTime how long this side took, including start-up and any install
 */
public record SideResult(
    String name, String method, RateStatistics rates, String runtime, Duration wallTime) {}
