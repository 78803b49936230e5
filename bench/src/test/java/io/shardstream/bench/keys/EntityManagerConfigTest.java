package io.shardstream.bench.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.schemas.ExampleConfigs;
import org.junit.jupiter.api.Test;

class EntityManagerConfigTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void dropsShardstreamExtensionsAndKeepsTheRest() throws Exception {
    JsonNode original = JSON.readTree(ExampleConfigs.userEmail());

    JsonNode stripped =
        JSON.readTree(EntityManagerConfig.fromShardstream(ExampleConfigs.userEmail()));

    assertThat(original.has("keyBinding")).isTrue();
    assertThat(stripped.has("keyBinding")).isFalse();
    JsonNode user = stripped.path("entities").path("user");
    assertThat(user.has("canonicalize")).isFalse();
    assertThat(user.has("generated")).isFalse();
    assertThat(user.has("attributes")).isFalse();
    assertThat(stripped.path("entities").path("email").has("parent")).isFalse();
    assertThat(stripped.path("entities").path("email").has("unique")).isFalse();
    assertThat(user.path("shardBumps"))
        .isEqualTo(original.path("entities").path("user").path("shardBumps"));
    assertThat(stripped.path("indexes")).isEqualTo(original.path("indexes"));
    assertThat(stripped.path("generatedProperties"))
        .isEqualTo(original.path("generatedProperties"));
  }
}
