package io.shardstream.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoDbClientsSettingsTest {
  private static final DynamoDbClients.Settings DEFAULTS =
      DynamoDbClients.Settings.defaults().withMaxConnections(7);

  @Test
  void anEndpointIsALocalStandInWithFixedCredentialsAndUsEast1UnlessARegionIsGiven() {
    URI local = URI.create("http://localhost:8000");
    DynamoDbClients.Settings settings = DEFAULTS.at(Optional.of(local), Optional.empty());

    assertThat(settings.endpoint()).isEqualTo(local);
    assertThat(settings.region()).isEqualTo("us-east-1");
    assertThat(settings.credentials()).isNotNull();
    assertThat(settings.maxConnections()).isEqualTo(7);
    assertThat(DEFAULTS.at(Optional.of(local), Optional.of("eu-west-1")).region())
        .isEqualTo("eu-west-1");
  }

  @Test
  void withoutAnEndpointItIsAwsInTheRegionGivenOrTheSdksLookup() {
    DynamoDbClients.Settings inRegion = DEFAULTS.at(Optional.empty(), Optional.of("eu-west-1"));
    assertThat(inRegion.endpoint()).isNull();
    assertThat(inRegion.region()).isEqualTo("eu-west-1");
    assertThat(inRegion.credentials()).isNull();

    assertThat(DEFAULTS.at(Optional.empty(), Optional.empty())).isEqualTo(DEFAULTS);
  }
}
