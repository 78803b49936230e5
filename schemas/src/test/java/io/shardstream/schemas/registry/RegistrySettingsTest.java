package io.shardstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {

  @Test
  void aServerUrlPointsAtTheCoreV3Api() {
    assertThat(RegistrySettings.development(URI.create("http://localhost:8081")).apiUrl())
        .isEqualTo(URI.create("http://localhost:8081/apis/registry/v3"));
    assertThat(RegistrySettings.development(URI.create("http://localhost:8081/")).apiUrl())
        .isEqualTo(URI.create("http://localhost:8081/apis/registry/v3"));
  }

  @Test
  void theCoreApiUrlIsKept() {
    assertThat(
            RegistrySettings.production(
                    URI.create("https://registry.example.com:443/apis/registry/v3/"))
                .apiUrl())
        .isEqualTo(URI.create("https://registry.example.com:443/apis/registry/v3"));
  }

  @Test
  void theConfluentCompatibleApiIsRejectedWithAnExplanation() {
    assertThatThrownBy(
            () -> RegistrySettings.production(URI.create("http://localhost:8081/apis/ccompat/v7")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/apis/registry/v3")
        .hasMessageContaining("Confluent-compatible");
  }

  @Test
  void relativeUrlsAreRejected() {
    assertThatThrownBy(() -> RegistrySettings.production(URI.create("localhost:8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute");
  }

  @Test
  void developmentRegistersAndProductionOnlyLooksUp() {
    assertThat(RegistrySettings.development(URI.create("http://r:1")).autoRegister()).isTrue();
    assertThat(RegistrySettings.production(URI.create("http://r:1")).autoRegister()).isFalse();
  }

  @Test
  void theApiIsApicurioUnlessNamed() {
    assertThat(RegistrySettings.production(URI.create("http://r:1")).api())
        .isEqualTo(SchemaRegistryApi.APICURIO);
    assertThat(SchemaRegistryApi.parse("apicurio")).isEqualTo(SchemaRegistryApi.APICURIO);
    assertThat(SchemaRegistryApi.parse(" Confluent ")).isEqualTo(SchemaRegistryApi.CONFLUENT);
  }

  @Test
  void anUnknownApiNamesTheAllowedValues() {
    assertThatThrownBy(() -> SchemaRegistryApi.parse("karapace"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be apicurio or confluent, got 'karapace'");
  }

  @Test
  void aConfluentApiUrlIsKeptAsGiven() {
    assertThat(
            RegistrySettings.production(
                    SchemaRegistryApi.CONFLUENT, URI.create("http://schema-registry:8081/"))
                .apiUrl())
        .isEqualTo(URI.create("http://schema-registry:8081"));
    assertThat(
            RegistrySettings.production(
                    SchemaRegistryApi.CONFLUENT, URI.create("http://apicurio:8080/apis/ccompat/v7"))
                .apiUrl())
        .isEqualTo(URI.create("http://apicurio:8080/apis/ccompat/v7"));
  }

  @Test
  void apicuriosCoreApiIsRejectedForTheConfluentApi() {
    assertThatThrownBy(
            () ->
                RegistrySettings.production(
                    SchemaRegistryApi.CONFLUENT,
                    URI.create("http://localhost:8081/apis/registry/v3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/apis/ccompat/v7")
        .hasMessageContaining("registry.api=apicurio");
  }

  @Test
  void theCcompatUrlWithTheApicurioApiPointsAtTheSetting() {
    assertThatThrownBy(
            () -> RegistrySettings.production(URI.create("http://localhost:8081/apis/ccompat/v7")))
        .hasMessageContaining("registry.api=confluent");
  }

  @Test
  void relativeUrlsAreRejectedForEveryApi() {
    assertThatThrownBy(
            () -> RegistrySettings.production(SchemaRegistryApi.CONFLUENT, URI.create("sr:8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute");
  }
}
