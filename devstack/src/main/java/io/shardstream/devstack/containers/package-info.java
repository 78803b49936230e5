/**
 * The containers mode of the test stack: Kafka ({@link org.testcontainers.kafka.KafkaContainer}),
 * DynamoDB Local and Apicurio Registry as containers on the local Docker engine, from images built
 * locally ({@link io.shardstream.devstack.containers.ContainerImages}), never pulled. {@link
 * io.shardstream.devstack.junit.SharedDevStack} uses it when the system property {@code
 * shardstream.stack} is {@code containers}. Needs Testcontainers on the class path (an optional
 * dependency of devstack).
 */
package io.shardstream.devstack.containers;
