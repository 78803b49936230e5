package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.registry.RegistrySettings;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The wire contract, spelled out: changing any of these changes what other readers see. */
class ApicurioSerdeConfigTest {

  @Test
  void writesTheConfluentWireFormatWithContentIdsAndWholeSchemas() {
    var config =
        ApicurioSerdeConfig.of(RegistrySettings.development(URI.create("http://localhost:8081")));

    assertThat(config)
        .containsEntry("apicurio.registry.url", "http://localhost:8081/apis/registry/v3")
        .containsEntry(
            "apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler")
        .containsEntry("apicurio.registry.headers.enabled", false)
        .containsEntry("apicurio.registry.use-id", "contentId")
        .containsEntry("apicurio.registry.avro.encoding", "BINARY")
        .containsEntry(
            "apicurio.registry.artifact-resolver-strategy",
            "io.apicurio.registry.serde.strategy.TopicIdStrategy")
        .containsEntry("apicurio.registry.dereference-schema", true)
        .containsEntry("apicurio.registry.auto-register", false)
        .containsEntry("apicurio.registry.use-specific-avro-reader", true);
  }
}
