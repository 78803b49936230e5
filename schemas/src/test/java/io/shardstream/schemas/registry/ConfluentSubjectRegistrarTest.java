package io.shardstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.schemas.registry.ScriptedRegistry.Request;
import java.io.IOException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registrar's order of calls on the Confluent API, for the registry behaviours the real
 * registry in {@code ConfluentApiIT} does not show (Apicurio takes a level for any subject).
 */
class ConfluentSubjectRegistrarTest {
  private static final Schema SCHEMA =
      new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}");
  private static final String NOT_FOUND =
      "{\"error_code\":40401,\"message\":\"Subject 's-value' not found.\"}";

  private ScriptedRegistry registry;
  private ConfluentRegistryClient client;
  private ConfluentSubjectRegistrar registrar;

  @BeforeEach
  void start() throws IOException {
    registry = new ScriptedRegistry();
    client =
        new ConfluentRegistryClient(
            RegistrySettings.production(SchemaRegistryApi.CONFLUENT, registry.url()));
    registrar = new ConfluentSubjectRegistrar(client);
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void theLevelIsSetBeforeTheFirstVersionWhereTheRegistryTakesIt() {
    registry.script(200, "{\"compatibilityLevel\":\"NONE\"}");
    registry.script(200, "{\"compatibility\":\"BACKWARD\"}");
    registry.script(200, "{\"id\":5}");
    registry.script(200, "{\"subject\":\"s-value\",\"version\":1,\"id\":5}");

    assertThat(registrar.register("s-value", SCHEMA))
        .isEqualTo(new RegisteredSchema("s-value", "1", 5));
    assertThat(registry.requests())
        .extracting(Request::method, Request::uri)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/sr/config/s-value?defaultToGlobal=true"),
            org.assertj.core.groups.Tuple.tuple("PUT", "/sr/config/s-value"),
            org.assertj.core.groups.Tuple.tuple("POST", "/sr/subjects/s-value/versions"),
            org.assertj.core.groups.Tuple.tuple("POST", "/sr/subjects/s-value"));
  }

  @Test
  void aRegistryThatTakesNoLevelForAnUnknownSubjectGetsItRightAfterTheFirstVersion() {
    registry.script(404, NOT_FOUND);
    registry.script(404, NOT_FOUND);
    registry.script(200, "{\"id\":5}");
    registry.script(200, "{\"compatibilityLevel\":\"NONE\"}");
    registry.script(200, "{\"compatibility\":\"BACKWARD\"}");
    registry.script(200, "{\"subject\":\"s-value\",\"version\":1,\"id\":5}");

    assertThat(registrar.register("s-value", SCHEMA).schemaId()).isEqualTo(5);
    assertThat(registry.requests())
        .extracting(Request::method)
        .containsExactly("GET", "PUT", "POST", "GET", "PUT", "POST");
  }

  @Test
  void aStricterLevelIsKept() {
    registry.script(200, "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
    registry.script(200, "{\"id\":5}");
    registry.script(200, "{\"subject\":\"s-value\",\"version\":2,\"id\":5}");

    registrar.register("s-value", SCHEMA);

    assertThat(registry.requests()).extracting(Request::method).doesNotContain("PUT");
  }

  @Test
  void aRefusalCarriesTheRegistrysReasonsWhereItGivesThem() {
    registry.script(200, "{\"compatibilityLevel\":\"BACKWARD\"}");
    registry.script(
        409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");
    registry.script(
        200,
        "{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE: tier\"]}");

    assertThatThrownBy(() -> registrar.register("s-value", SCHEMA))
        .isInstanceOfSatisfying(
            IncompatibleSchemaException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly("READER_FIELD_MISSING_DEFAULT_VALUE: tier"))
        .hasMessageContaining("Schema being registered is incompatible");
  }
}
