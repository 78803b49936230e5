package io.shardstream.schemas.registry;

import io.shardstream.schemas.registry.ConfluentRegistryClient.CompatibilityCheck;
import io.shardstream.schemas.registry.ConfluentRegistryClient.SubjectVersion;
import java.util.Optional;
import org.apache.avro.Schema;

/** Registration through the Confluent Schema Registry API: subject config, then the version. */
final class ConfluentSubjectRegistrar implements SubjectRegistrar {
  private final ConfluentRegistryClient client;

  ConfluentSubjectRegistrar(ConfluentRegistryClient client) {
    this.client = client;
  }

  @Override
  public RegisteredSchema register(String subject, Schema schema) {
    // Level first, so that an incompatible version is refused, not added. A registry that takes
    // no level for a subject without versions gets it right after the first one.
    boolean levelSet = ensureBackward(subject);
    // Schema.toString() is what serializers look up, so the two match.
    String text = schema.toString();
    try {
      client.register(subject, text);
    } catch (IncompatibleSchemaException refused) {
      throw explained(refused, subject, text);
    }
    if (!levelSet && !ensureBackward(subject)) {
      throw new SchemaRegistryException(
          "schema registry at "
              + client.apiUrl()
              + " refuses a compatibility level for subject "
              + subject
              + " although it holds a version of it");
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

  /** False when the registry takes no level for the subject yet. */
  private boolean ensureBackward(String subject) {
    String level = client.compatibility(subject).orElse(null);
    if (level != null && SchemaRegistrar.AT_LEAST_BACKWARD.contains(level)) {
      return true;
    }
    return client.setCompatibility(subject, SchemaRegistrar.BACKWARD);
  }

  @Override
  public String compatibility(String subject) {
    return client.compatibility(subject).orElse(null);
  }

  @Override
  public Optional<Schema> latest(String subject) {
    return client.latestSchema(subject).map(text -> new Schema.Parser().parse(text));
  }

  @Override
  public CompatibilityCheck check(String subject, Schema schema) {
    return client.checkCompatibility(subject, schema.toString());
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
