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
import io.shardstream.schemas.registry.ConfluentRegistryClient.CompatibilityCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * Registration through Apicurio's core v3 API (its Java SDK): artifact {@code <subject>} in group
 * {@value SchemaRegistrar#GROUP}, with a COMPATIBILITY rule.
 */
final class ApicurioSubjectRegistrar implements SubjectRegistrar {
  private static final String AVRO = "AVRO";

  private final URI apiUrl;
  private final RegistryClient client;

  ApicurioSubjectRegistrar(URI apiUrl) {
    this.apiUrl = apiUrl;
    // No client-side retries: a registrar runs at start-up, where failing fast with a clear message
    // beats a minute of silent back-off.
    this.client =
        RegistryClientFactory.create(
            RegistryClientOptions.create(apiUrl.toString()).disableRetry());
  }

  @Override
  public RegisteredSchema register(String artifactId, Schema schema) {
    // Rule first when the artifact exists, so that an incompatible version is refused, not added.
    String action =
        "registering the schema of artifact " + SchemaRegistrar.GROUP + "/" + artifactId;
    boolean ruled = call(action, () -> ensureBackwardRuleIfArtifactExists(artifactId));
    VersionMetaData version =
        call(action, () -> createOrFindVersion(artifactId, schema)).getVersion();
    if (!ruled) {
      call(action, () -> ensureBackwardRuleIfArtifactExists(artifactId));
    }
    return new RegisteredSchema(
        version.getArtifactId(), version.getVersion(), version.getContentId());
  }

  @Override
  public String compatibility(String artifactId) {
    return call(
        "reading the rules of artifact " + SchemaRegistrar.GROUP + "/" + artifactId,
        () -> {
          WithArtifactItemRequestBuilder artifact = artifact(artifactId);
          if (!artifact.rules().get().contains(RuleType.COMPATIBILITY)) {
            return null;
          }
          return artifact.rules().byRuleType(RuleType.COMPATIBILITY.getValue()).get().getConfig();
        });
  }

  @Override
  public Optional<Schema> latest(String artifactId) {
    String action =
        "fetching the latest schema of artifact " + SchemaRegistrar.GROUP + "/" + artifactId;
    try (InputStream content =
        artifact(artifactId).versions().byVersionExpression("branch=latest").content().get()) {
      return Optional.of(new Schema.Parser().parse(content));
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "schema registry at " + apiUrl + " sent an unreadable schema while " + action, e);
    } catch (RuntimeException e) {
      if (RegistryFailures.status(e) == 404) {
        return Optional.empty();
      }
      throw RegistryFailures.describe(e, action, apiUrl);
    }
  }

  /** A dry run of adding the version: the artifact's rules judge it, nothing is stored. */
  @Override
  public CompatibilityCheck check(String artifactId, Schema schema) {
    String action =
        "checking a schema against artifact " + SchemaRegistrar.GROUP + "/" + artifactId;
    VersionContent content = new VersionContent();
    content.setContent(schema.toString());
    content.setContentType("application/json");
    CreateVersion version = new CreateVersion();
    version.setContent(content);
    try {
      artifact(artifactId)
          .versions()
          .post(version, request -> request.queryParameters.dryRun = true);
      return new CompatibilityCheck(true, List.of());
    } catch (RuntimeException e) {
      if (RegistryFailures.status(e) == 404) {
        return new CompatibilityCheck(true, List.of());
      }
      SchemaRegistryException failure = RegistryFailures.describe(e, action, apiUrl);
      if (failure instanceof IncompatibleSchemaException incompatible) {
        return new CompatibilityCheck(false, incompatible.violations());
      }
      throw failure;
    }
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
        .byGroupId(SchemaRegistrar.GROUP)
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
      if (!SchemaRegistrar.AT_LEAST_BACKWARD.contains(existing.get().getConfig())) {
        Rule rule = new Rule();
        rule.setRuleType(RuleType.COMPATIBILITY);
        rule.setConfig(SchemaRegistrar.BACKWARD);
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
    rule.setConfig(SchemaRegistrar.BACKWARD);
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
    return client.groups().byGroupId(SchemaRegistrar.GROUP).artifacts().byArtifactId(artifactId);
  }

  private <T> T call(String action, Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw RegistryFailures.describe(e, action, apiUrl);
    }
  }
}
