package io.shardstream.devstack;

/** Where the Kafka broker keeps its log (topics, consumer offsets, transactions, metadata). */
public enum KafkaStorage {
  /**
   * A new cluster at every start, in a folder of its own under {@code <data folder>/kafka} that is
   * deleted on stop. Two brokers of one JVM never share it.
   */
  PER_RUN,
  /**
   * One cluster under {@code <data folder>/kafka/node-1}, formatted on first start and kept across
   * stops (also unclean ones: Kafka recovers its log on the next start).
   */
  PERSISTENT
}
