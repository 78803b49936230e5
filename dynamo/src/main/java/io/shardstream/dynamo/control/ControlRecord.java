package io.shardstream.dynamo.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which table the query API serves, with the entity configuration its items were written with, and
 * the one before it (for a rollback).
 *
 * @param table the active table
 * @param config the entity configuration JSON the active table was built with
 * @param configVersion that configuration's fingerprint ({@code EntityConfig.version()}): cursors
 *     are bound to it
 * @param previousTable the table active before the last switch, if any
 * @param previousConfig its configuration JSON (present with {@code previousTable})
 * @param previousConfigVersion that configuration's version (present with {@code previousTable}),
 *     kept so a rollback needs not parse the configuration again
 * @param switchedAt when the record was last written
 * @param revision incremented by every write; a write names the revision it replaces, so two
 *     operators switching at once cannot silently overwrite each other
 */
public record ControlRecord(
    String table,
    String config,
    String configVersion,
    Optional<String> previousTable,
    Optional<String> previousConfig,
    Optional<String> previousConfigVersion,
    Instant switchedAt,
    long revision) {

  public ControlRecord {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(configVersion, "configVersion");
    Objects.requireNonNull(previousTable, "previousTable");
    Objects.requireNonNull(previousConfig, "previousConfig");
    Objects.requireNonNull(previousConfigVersion, "previousConfigVersion");
    Objects.requireNonNull(switchedAt, "switchedAt");
    if (table.isBlank()) {
      throw new IllegalArgumentException("the active table name is empty");
    }
    if (previousTable.isPresent() != previousConfig.isPresent()
        || previousTable.isPresent() != previousConfigVersion.isPresent()) {
      throw new IllegalArgumentException(
          "previousTable, previousConfig and previousConfigVersion go together");
    }
  }

  /**
   * What the query APIs serve before any record is written: the table and configuration their
   * settings name (the live writer's). Never written itself (revision 0): switching from it makes
   * the first record, which names this table as the previous one, so the first cut-over can be
   * rolled back like every later one.
   */
  public static ControlRecord beforeFirstSwitch(String table, String config, String configVersion) {
    return new ControlRecord(
        table,
        config,
        configVersion,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Instant.EPOCH,
        0);
  }

  /** The record after switching to {@code next}: this one's table becomes the previous one. */
  public ControlRecord switchedTo(
      String nextTable, String nextConfig, String nextConfigVersion, Instant now) {
    return new ControlRecord(
        nextTable,
        nextConfig,
        nextConfigVersion,
        Optional.of(table),
        Optional.of(config),
        Optional.of(configVersion),
        now,
        revision + 1);
  }

  /**
   * The record after switching back to the previous table and configuration (which become active;
   * the current ones become the previous, so a second rollback undoes the first).
   *
   * @throws IllegalStateException this record names no previous table
   */
  public ControlRecord rolledBack(Instant now) {
    if (previousTable.isEmpty()) {
      throw new IllegalStateException(
          "the control record names no previous table to roll back to: " + describe());
    }
    return switchedTo(
        previousTable.get(),
        previousConfig.orElseThrow(),
        previousConfigVersion.orElseThrow(),
        now);
  }

  /** A short, one-line description for logs and the command line. */
  public String describe() {
    return "table "
        + table
        + " (config version "
        + configVersion
        + ")"
        + previousTable.map(p -> ", previous " + p).orElse(", no previous table")
        + ", switched at "
        + switchedAt
        + ", revision "
        + revision;
  }
}
