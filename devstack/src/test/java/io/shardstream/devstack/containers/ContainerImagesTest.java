package io.shardstream.devstack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.Component;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

class ContainerImagesTest {

  private final ContainerImages images = ContainerImages.fromBuild();

  @Test
  void kafkaImageIsTaggedWithTheKafkaVersionOfTheBuild() throws IOException {
    // The version the kafka-clients jar on this class path says it is (its own resource; the
    // parser class behind AppInfoParser is internal API).
    Properties kafka = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/kafka/kafka-version.properties")) {
      kafka.load(in);
    }
    assertThat(images.image(Component.KAFKA))
        .isEqualTo(
            DockerImageName.parse("shardstream/kafka-local:" + kafka.getProperty("version")));
  }

  @Test
  void registryImageIsTaggedWithTheVersionTheInProcessStackRuns() throws IOException {
    Properties distribution = new Properties();
    try (InputStream in =
        getClass()
            .getResourceAsStream("/io/shardstream/devstack/registry-distribution.properties")) {
      distribution.load(in);
    }

    assertThat(images.image(Component.REGISTRY))
        .isEqualTo(
            DockerImageName.parse(
                "shardstream/apicurio-local:" + distribution.getProperty("version")));
  }

  @Test
  void dynamoDbImageIsTaggedWithAVersion() {
    DockerImageName image = images.image(Component.DYNAMODB);

    assertThat(image.getRepository()).isEqualTo("shardstream/dynamodb-local");
    assertThat(image.getVersionPart()).matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void aMissingImageNamesTheScriptAndArgumentThatBuildIt() {
    MissingImageException missing =
        new MissingImageException(
            Component.REGISTRY, DockerImageName.parse("shardstream/apicurio-local:3.3.3"));

    assertThat(missing)
        .hasMessage(
            "Docker image shardstream/apicurio-local:3.3.3 (Apicurio Registry) is not in the local"
                + " Docker engine: build it with `deploy/images/build.sh registry` from the"
                + " repository root (the containers mode never pulls images)");
    assertThat(missing.component()).contains(Component.REGISTRY);
  }
}
