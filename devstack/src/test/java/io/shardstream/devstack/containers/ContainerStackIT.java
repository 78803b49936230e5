package io.shardstream.devstack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DynamoDbEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers mode's own guarantees, on the real Docker engine: a missing image fails at once
 * naming the build script, ports are published on loopback only, and {@link ContainerStack#stop()}
 * leaves no container behind. Runs in the build's {@code containers} profile only (it needs the
 * engine and the local images).
 */
class ContainerStackIT {

  @Test
  void aMissingImageFailsNamingTheScriptThatBuildsIt() {
    Map<Component, DockerImageName> images = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      images.put(component, ContainerImages.fromBuild().image(component));
    }
    DockerImageName notBuilt = DockerImageName.parse("shardstream/kafka-local:0.0.0-not-built");
    images.put(Component.KAFKA, notBuilt);
    ContainerStack stack = new ContainerStack(new ContainerImages(images));
    try {
      assertThatThrownBy(stack::kafka)
          .isInstanceOf(MissingImageException.class)
          .hasMessageContaining("shardstream/kafka-local:0.0.0-not-built")
          .hasMessageContaining("`deploy/images/build.sh kafka`");
    } finally {
      stack.stop();
    }
  }

  @Test
  void servesOnLoopbackAndLeavesNoContainerAfterStop() throws Exception {
    ContainerStack stack = ContainerStack.fromBuild();
    String id;
    try {
      DynamoDbEndpoint endpoint = stack.dynamoDb();

      assertThat(stack.dynamoDb()).isSameAs(endpoint);
      assertThat(endpoint.url().getHost()).isEqualTo("localhost");
      // An unsigned request: DynamoDB Local answers it with 400, so DynamoDB Local listens there.
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(endpoint.url()).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(400);
      List<Container> publishing =
          allContainers().stream()
              .filter(
                  c ->
                      Arrays.stream(c.getPorts())
                          .anyMatch(
                              p -> Objects.equals(p.getPublicPort(), endpoint.url().getPort())))
              .toList();
      assertThat(publishing).hasSize(1);
      Container container = publishing.getFirst();
      assertThat(container.getNames()[0]).startsWith("/shardstream-devstack-dynamodb-");
      assertThat(container.getPorts()).extracting(ContainerPort::getIp).containsOnly("127.0.0.1");
      id = container.getId();
    } finally {
      stack.stop();
    }
    assertThat(allContainers()).extracting(Container::getId).doesNotContain(id);
  }

  /** Running or stopped. */
  private static List<Container> allContainers() {
    return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec();
  }
}
