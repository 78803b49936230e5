package io.shardstream.devstack.junit;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.containers.ContainerStack;

/** The containers mode: a {@link ContainerStack} behind the test stack's accessors. */
final class ContainerTestStack implements TestStack {

  private final ContainerStack containers;

  ContainerTestStack(ContainerStack containers) {
    this.containers = containers;
  }

  @Override
  public KafkaEndpoint kafka() {
    return containers.kafka();
  }

  @Override
  public DynamoDbEndpoint dynamoDb() {
    return containers.dynamoDb();
  }

  @Override
  public RegistryEndpoint registry() {
    return containers.registry();
  }

  @Override
  public void stopAll() {
    containers.stop();
  }
}
