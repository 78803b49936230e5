package io.shardstream.schemas.registry;

import io.apicurio.registry.client.RegistryClientFactory;
import io.apicurio.registry.client.common.RegistryClientOptions;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.rest.client.groups.item.artifacts.item.WithArtifactItemRequestBuilder;
import io.apicurio.registry.rest.client.models.CreateArtifact;
import io.apicurio.registry.rest.client.models.CreateArtifactResponse;
import io.apicurio.registry.rest.client.models.CreateRule;
import io.apicurio.registry.rest.client.models.CreateVersion;
import io.apicurio.registry.rest.client.models.IfArtifactExists;
import io.apicurio.registry.rest.client.models.Rule;
import io.apicurio.registry.rest.client.models.RuleType;
import io.apicurio.registry.rest.client.models.VersionContent;
import io.apicurio.registry.rest.client.models.VersionMetaData;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * Registers event schemas the way shardstream's serdes find them: artifact {@code <topic>-value} in
 * group {@value #GROUP} (Apicurio's TopicIdStrategy, the Confluent "subject" of a topic's values),
 * with the whole schema in one document (no references to other artifacts), under a compatibility
 * rule of at least BACKWARD, so that a reader of the newest version can read every older event.
 *
 * <p>This is the only place that writes to the registry: serializers in development mode call it on
 * first use, deployments call it through {@code Topics.registerSchemas}.
 */
public final class SchemaRegistrar {
  public static final String GROUP = "default";
  static final String BACKWARD = "BACKWARD";

  /** Levels that already include BACKWARD: an operator's stricter choice is kept. */
  private static final Set<String> AT_LEAST_BACKWARD =
      Set.of(BACKWARD, "BACKWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");

  private static final String AVRO = "AVRO";

  private final RegistrySettings settings;
  private final RegistryClient client;

  public SchemaRegistrar(RegistrySettings settings) {
    this.settings = settings;
    // No client-side retries: a registrar runs at start-up, where failing fast with a clear message
    // beats a minute of silent back-off.
    this.client =
        RegistryClientFactory.create(
            RegistryClientOptions.create(settings.apiUrl().toString()).disableRetry());
  }

  /** The artifact id under which a topic's value schema lives (Confluent: the subject). */
  public static String valueArtifactId(String topic) {
    return topic + "-value";
  }

  /**
   * Makes {@code schema} a version of the topic's value artifact (finding it when it is there
   * already) and keeps the artifact's compatibility rule at BACKWARD or stricter.
   *
   * @throws IncompatibleSchemaException the schema breaks the compatibility rule
   * @throws SchemaRegistryUnavailableException the registry cannot be reached
   */
  public RegisteredSchema registerValueSchema(String topic, Schema schema) {
    String artifactId = valueArtifactId(topic);
    // Rule first when the artifact exists, so that an incompatible version is refused, not added.
    String action = "registering the schema of artifact " + GROUP + "/" + artifactId;
    boolean ruled = call(action, () -> ensureBackwardRuleIfArtifactExists(artifactId));
    VersionMetaData version =
        call(action, () -> createOrFindVersion(artifactId, schema)).getVersion();
    if (!ruled) {
      call(action, () -> ensureBackwardRuleIfArtifactExists(artifactId));
    }
    return new RegisteredSchema(
        version.getGroupId(),
        version.getArtifactId(),
        version.getVersion(),
        version.getGlobalId(),
        version.getContentId());
  }

  /** The artifact's compatibility level, or null when it has no compatibility rule. */
  public String compatibility(String artifactId) {
    return call(
        "reading the rules of artifact " + GROUP + "/" + artifactId,
        () -> {
          WithArtifactItemRequestBuilder artifact = artifact(artifactId);
          if (!artifact.rules().get().contains(RuleType.COMPATIBILITY)) {
            return null;
          }
          return artifact.rules().byRuleType(RuleType.COMPATIBILITY.getValue()).get().getConfig();
        });
  }

  private CreateArtifactResponse createOrFindVersion(String artifactId, Schema schema) {
    VersionContent content = new VersionContent();
    // Schema.toString() is what the serializer looks up by content (dereferenced), so the two
    // match.
    content.setContent(schema.toString());
    content.setContentType("application/json");
    CreateVersion firstVersion = new CreateVersion();
    firstVersion.setContent(content);
    CreateArtifact create = new CreateArtifact();
    create.setArtifactId(artifactId);
    create.setArtifactType(AVRO);
    create.setFirstVersion(firstVersion);
    return client
        .groups()
        .byGroupId(GROUP)
        .artifacts()
        .post(
            create,
            request -> request.queryParameters.ifExists = IfArtifactExists.FIND_OR_CREATE_VERSION);
  }

  /** Returns false when the artifact does not exist yet. */
  private boolean ensureBackwardRuleIfArtifactExists(String artifactId) {
    WithArtifactItemRequestBuilder artifact = artifact(artifactId);
    try {
      if (!artifact.rules().get().contains(RuleType.COMPATIBILITY)
          && createBackwardRule(artifact)) {
        return true;
      }
      var existing = artifact.rules().byRuleType(RuleType.COMPATIBILITY.getValue());
      if (!AT_LEAST_BACKWARD.contains(existing.get().getConfig())) {
        Rule rule = new Rule();
        rule.setRuleType(RuleType.COMPATIBILITY);
        rule.setConfig(BACKWARD);
        existing.put(rule);
      }
      return true;
    } catch (RuntimeException e) {
      if (RegistryFailures.status(e) == 404) {
        return false;
      }
      throw e;
    }
  }

  /**
   * False when another client created a compatibility rule first (HTTP 409): its level is checked
   * then.
   */
  private static boolean createBackwardRule(WithArtifactItemRequestBuilder artifact) {
    CreateRule rule = new CreateRule();
    rule.setRuleType(RuleType.COMPATIBILITY);
    rule.setConfig(BACKWARD);
    try {
      artifact.rules().post(rule);
      return true;
    } catch (RuntimeException e) {
      if (RegistryFailures.status(e) == 409) {
        return false;
      }
      throw e;
    }
  }

  private WithArtifactItemRequestBuilder artifact(String artifactId) {
    return client.groups().byGroupId(GROUP).artifacts().byArtifactId(artifactId);
  }

  private <T> T call(String action, Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw RegistryFailures.describe(e, action, settings.apiUrl());
    }
  }
}
