/**
 * Local infrastructure for shardstream without Docker.
 *
 * <p>{@link io.shardstream.devstack.LocalStack#start(LocalStackConfig)} runs a single-node KRaft
 * Kafka broker and DynamoDB Local inside this JVM and Apicurio Registry as a child process on a
 * Java 21+ runtime, and returns their {@link io.shardstream.devstack.LocalStackEndpoints}. Tests
 * use {@link io.shardstream.devstack.junit.DevStackExtension} instead, which shares one lazily
 * started instance of each component per JVM.
 */
package io.shardstream.devstack;
