package io.shardstream.devstack.junit;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;

/**
 * The components a test JVM shares, whichever way they run: each accessor starts its component on
 * first use and returns the same endpoint after that, until {@link #stopAll()}.
 */
interface TestStack {

  KafkaEndpoint kafka();

  DynamoDbEndpoint dynamoDb();

  RegistryEndpoint registry();

  /** Stops every started component; later accessor calls start fresh ones. */
  void stopAll();
}
