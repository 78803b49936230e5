package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LocalStackEndpointsTest {

  private final LocalStackEndpoints onlyRegistry =
      new LocalStackEndpoints(
          null, null, new RegistryEndpoint(URI.create("http://localhost:8081")));

  @Test
  void derivesTheRegistryApiUrls() {
    assertThat(onlyRegistry.registryCcompatUrl())
        .hasToString("http://localhost:8081/apis/ccompat/v7");
    assertThat(onlyRegistry.registry().coreApiUrl())
        .hasToString("http://localhost:8081/apis/registry/v3");
  }

  @Test
  void askingForAComponentThatWasNotStartedSaysSo() {
    assertThat(onlyRegistry.has(Component.KAFKA)).isFalse();
    assertThatThrownBy(onlyRegistry::kafkaBootstrapServers)
        .isInstanceOf(DevStackException.class)
        .hasMessage("Kafka is not part of this LocalStack; add it to LocalStackConfig.components");
  }

  @Test
  void describesOnlyWhatRuns() {
    assertThat(onlyRegistry.describe())
        .containsExactly(
            "Schema registry:         http://localhost:8081",
            "  Confluent-compatible:  http://localhost:8081/apis/ccompat/v7");
  }
}
