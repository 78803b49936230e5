package io.shardstream.ingest.generate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link EventGenerator} makes. Rates are shares of the emitted events; creations take what is
 * left. Same options, same seed: byte-identical events.
 *
 * @param users how many users to create (each with 1-3 emails); the stream ends after the last
 * @param updateRate share of events that are user updates; the newer half of each out-of-order pair
 *     counts here too
 * @param deleteRate share of events that delete a user (and, in the writer, its emails) or an email
 * @param duplicateRate share of events that re-send an entity's latest event unchanged
 * @param outOfOrderRate share of events that are an older version arriving after a newer one
 * @param invalidRate share of events the writer must dead-letter, spread over {@code invalidKinds}
 * @param startTime the earliest {@code created}
 * @param baseTime the generator's "now": every valid timestamp is before it. Fixed by default so
 *     that the output depends on the options alone; pass the current time for live demos
 * @param invalidKinds the kinds of invalid events to make, taken in turns
 * @param beneficiaries how many beneficiaries users belong to; 0 = about the square root of {@code
 *     users}
 * @param source the events' {@code source}
 */
public record GeneratorOptions(
    int users,
    long seed,
    double updateRate,
    double deleteRate,
    double duplicateRate,
    double outOfOrderRate,
    double invalidRate,
    Instant startTime,
    Instant baseTime,
    Set<InvalidKind> invalidKinds,
    int beneficiaries,
    String source) {

  /** Before the seed config's first shard bump (2024-01-01), so every bump gets users. */
  public static final Instant DEFAULT_START_TIME = Instant.parse("2023-01-01T00:00:00Z");

  public static final Instant DEFAULT_BASE_TIME = Instant.parse("2026-11-01T00:00:00Z");

  /** Creations must keep some share, or the stream would hardly reach its last user. */
  public static final double MAX_TOTAL_RATE = 0.95;

  public GeneratorOptions {
    requireUsers(users);
    rate("update", updateRate);
    rate("delete", deleteRate);
    rate("duplicate", duplicateRate);
    rate("out-of-order", outOfOrderRate);
    rate("invalid", invalidRate);
    double total = updateRate + deleteRate + duplicateRate + outOfOrderRate + invalidRate;
    if (total > MAX_TOTAL_RATE + 1e-9) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "update, delete, duplicate, out-of-order and invalid rates add up to %.3f; at most %.2f, so that creations"
                  + " keep a share",
              total,
              MAX_TOTAL_RATE));
    }
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(baseTime, "baseTime");
    if (!startTime.isBefore(baseTime.minusSeconds(86_400))) {
      throw new IllegalArgumentException(
          "startTime " + startTime + " must be at least a day before baseTime " + baseTime);
    }
    // An EnumSet iterates in declaration order: the generator takes kinds in turns from it.
    invalidKinds =
        java.util.Collections.unmodifiableSet(
            invalidKinds.isEmpty()
                ? EnumSet.noneOf(InvalidKind.class)
                : EnumSet.copyOf(invalidKinds));
    if (invalidRate > 0 && invalidKinds.isEmpty()) {
      throw new IllegalArgumentException("an invalid rate above 0 needs at least one invalid kind");
    }
    if (beneficiaries < 0) {
      throw new IllegalArgumentException("beneficiaries must be >= 0: " + beneficiaries);
    }
    Objects.requireNonNull(source, "source");
  }

  /** 1,000 users, seed 1, 25% updates, 5% deletes, 3% duplicates, 2% out of order, 2% invalid. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(
        1000,
        1,
        0.25,
        0.05,
        0.03,
        0.02,
        0.02,
        DEFAULT_START_TIME,
        DEFAULT_BASE_TIME,
        EnumSet.allOf(InvalidKind.class),
        0,
        "generator");
  }

  /** The share of events that create users and emails. */
  public double creationRate() {
    return 1 - updateRate - deleteRate - duplicateRate - outOfOrderRate - invalidRate;
  }

  /** About how many events the stream holds (each user brings 3 creations on average). */
  public long expectedEvents() {
    return Math.round(users * 3.0 / Math.max(creationRate(), 1 - MAX_TOTAL_RATE));
  }

  public int beneficiaryPoolSize() {
    return beneficiaries > 0 ? beneficiaries : Math.max(3, (int) Math.round(Math.sqrt(users)));
  }

  public GeneratorOptions withUsers(int count) {
    return new GeneratorOptions(
        count,
        seed,
        updateRate,
        deleteRate,
        duplicateRate,
        outOfOrderRate,
        invalidRate,
        startTime,
        baseTime,
        invalidKinds,
        beneficiaries,
        source);
  }

  public GeneratorOptions withSeed(long value) {
    return new GeneratorOptions(
        users,
        value,
        updateRate,
        deleteRate,
        duplicateRate,
        outOfOrderRate,
        invalidRate,
        startTime,
        baseTime,
        invalidKinds,
        beneficiaries,
        source);
  }

  /** Update, delete, duplicate, out-of-order and invalid shares at once. */
  public GeneratorOptions withRates(
      double update, double delete, double duplicate, double outOfOrder, double invalid) {
    return new GeneratorOptions(
        users,
        seed,
        update,
        delete,
        duplicate,
        outOfOrder,
        invalid,
        startTime,
        baseTime,
        invalidKinds,
        beneficiaries,
        source);
  }

  public GeneratorOptions withUpdateRate(double rate) {
    return withRates(rate, deleteRate, duplicateRate, outOfOrderRate, invalidRate);
  }

  public GeneratorOptions withDeleteRate(double rate) {
    return withRates(updateRate, rate, duplicateRate, outOfOrderRate, invalidRate);
  }

  public GeneratorOptions withDuplicateRate(double rate) {
    return withRates(updateRate, deleteRate, rate, outOfOrderRate, invalidRate);
  }

  public GeneratorOptions withOutOfOrderRate(double rate) {
    return withRates(updateRate, deleteRate, duplicateRate, rate, invalidRate);
  }

  public GeneratorOptions withInvalidRate(double rate) {
    return withRates(updateRate, deleteRate, duplicateRate, outOfOrderRate, rate);
  }

  public GeneratorOptions withTimeRange(Instant start, Instant base) {
    return new GeneratorOptions(
        users,
        seed,
        updateRate,
        deleteRate,
        duplicateRate,
        outOfOrderRate,
        invalidRate,
        start,
        base,
        invalidKinds,
        beneficiaries,
        source);
  }

  public GeneratorOptions withBaseTime(Instant base) {
    return withTimeRange(startTime, base);
  }

  public GeneratorOptions withInvalidKinds(Set<InvalidKind> kinds) {
    return new GeneratorOptions(
        users,
        seed,
        updateRate,
        deleteRate,
        duplicateRate,
        outOfOrderRate,
        invalidRate,
        startTime,
        baseTime,
        kinds,
        beneficiaries,
        source);
  }

  public GeneratorOptions withBeneficiaries(int count) {
    return new GeneratorOptions(
        users,
        seed,
        updateRate,
        deleteRate,
        duplicateRate,
        outOfOrderRate,
        invalidRate,
        startTime,
        baseTime,
        invalidKinds,
        count,
        source);
  }

  public GeneratorOptions withSource(String name) {
    return new GeneratorOptions(
        users,
        seed,
        updateRate,
        deleteRate,
        duplicateRate,
        outOfOrderRate,
        invalidRate,
        startTime,
        baseTime,
        invalidKinds,
        beneficiaries,
        name);
  }

  /**
   * The rule every rate keeps: a share of the events.
   *
   * @throws IllegalArgumentException saying the rule, for a value outside it
   */
  public static double requireShare(double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "must be between 0 and 1 (a share of the events), got " + value);
    }
    return value;
  }

  /**
   * @throws IllegalArgumentException saying the rule, for a negative count
   */
  public static int requireUsers(int users) {
    if (users < 0) {
      throw new IllegalArgumentException("must be 0 or more users, got " + users);
    }
    return users;
  }

  private static void rate(String name, double value) {
    try {
      requireShare(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " rate " + e.getMessage());
    }
  }
}
