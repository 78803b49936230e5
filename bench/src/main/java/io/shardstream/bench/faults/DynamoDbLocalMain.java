package io.shardstream.bench.faults;

import io.shardstream.devstack.Component;
import io.shardstream.devstack.DynamoDbStorage;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import java.nio.file.Path;

/**
 * DynamoDB Local alone in a JVM of its own, on a given port, its tables in a SQLite file under a
 * given data folder: the process {@link DynamoDbLocalChild} kills and starts again on the same data
 * and port. Runs until killed. Arguments: {@code PORT DATA-DIR}.
 */
public final class DynamoDbLocalMain {
  private DynamoDbLocalMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    Path dataDirectory = Path.of(args[1]);
    LocalStack stack =
        LocalStack.start(
            LocalStackConfig.forTests(dataDirectory)
                .withComponents(Component.DYNAMODB)
                .withPort(Component.DYNAMODB, port)
                .withDynamoDbStorage(DynamoDbStorage.PERSISTENT));
    System.out.println("DynamoDB Local serving " + stack.endpoints().dynamoDbUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
