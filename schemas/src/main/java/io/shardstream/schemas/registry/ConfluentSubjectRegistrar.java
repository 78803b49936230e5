package io.shardstream.schemas.registry;

import io.shardstream.schemas.registry.ConfluentRegistryClient.CompatibilityCheck;
import io.shardstream.schemas.registry.ConfluentRegistryClient.SubjectVersion;
import org.apache.avro.Schema;

/** Registration through the Confluent Schema Registry API: subject config, then the version. */
final class ConfluentSubjectRegistrar implements SubjectRegistrar {
  private final ConfluentRegistryClient client;

  ConfluentSubjectRegistrar(ConfluentRegistryClient client) {
    this.client = client;
  }

  @Override
  public RegisteredSchema register(String subject, Schema schema) {
    // Level first, so that an incompatible version is refused, not added. Every registry of this
    // API accepts a subject-level config before the subject's first version.
    String level = client.compatibility(subject).orElse(null);
    if (level == null || !SchemaRegistrar.AT_LEAST_BACKWARD.contains(level)) {
      client.setCompatibility(subject, SchemaRegistrar.BACKWARD);
    }
    // Schema.toString() is what serializers look up, so the two match.
    String text = schema.toString();
    try {
      client.register(subject, text);
    } catch (IncompatibleSchemaException refused) {
      throw explained(refused, subject, text);
    }
    SubjectVersion version =
        client
            .lookup(subject, text)
            .orElseThrow(
                () ->
                    new SchemaRegistryException(
                        "schema registry at "
                            + client.apiUrl()
                            + " accepted a schema under subject "
                            + subject
                            + " but does not find it there"));
    return new RegisteredSchema(
        version.subject(), Integer.toString(version.version()), version.id());
  }

  @Override
  public String compatibility(String subject) {
    return client.compatibility(subject).orElse(null);
  }

  /**
   * A registry's 409 names the refusal; its verbose compatibility check (where it has one) names
   * each broken rule, which is what a schema author needs.
   */
  private IncompatibleSchemaException explained(
      IncompatibleSchemaException refused, String subject, String schema) {
    CompatibilityCheck check;
    try {
      check = client.checkCompatibility(subject, schema);
    } catch (SchemaRegistryException noDetails) {
      refused.addSuppressed(noDetails);
      return refused;
    }
    if (check.messages().isEmpty()) {
      return refused;
    }
    return new IncompatibleSchemaException(
        refused.getMessage(), check.messages(), refused.getCause());
  }
}
