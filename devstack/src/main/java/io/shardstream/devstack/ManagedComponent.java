package io.shardstream.devstack;

/**
 * One running piece of infrastructure. {@link #start()} may return before the component serves
 * requests (a child process boots while the next component starts); {@link #awaitReady()} blocks
 * until it does.
 */
interface ManagedComponent {

  Component component();

  /**
   * Checks that can fail before anything starts (fixed port taken, a prerequisite missing), so a
   * stack fails fast instead of starting Kafka only to stop it again.
   */
  default void preflight() {}

  /**
   * Deletes what earlier runs kept on disk (a fresh start). Called after {@link #preflight()}, so
   * never while another stack serves on the same ports.
   */
  default void deleteKeptData() {}

  void start();

  default void awaitReady() {}

  /** Stops the component; safe to call twice and after a failed start. */
  void stop();
}
