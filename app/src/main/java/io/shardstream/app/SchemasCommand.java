package io.shardstream.app;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.ingest.EntityTopicNames;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.model.ModelCompatibility;
import io.shardstream.schemas.registry.IncompatibleSchemaException;
import io.shardstream.schemas.registry.RegisteredSchema;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.service.Settings;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code shardstream schemas check|register}: the event schemas an entity configuration derives,
 * against the schema registry, under the BACKWARD rule.
 */
@Command(
    name = "schemas",
    mixinStandardHelpOptions = true,
    description = "The event schemas an entity configuration derives, in the schema registry.",
    subcommands = {SchemasCommand.Check.class, SchemasCommand.Register.class})
final class SchemasCommand implements Runnable {
  /** Exit code of a check that found a config change breaking compatibility. */
  static final int INCOMPATIBLE = 1;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The registry the settings name, and each entity's topic in this deployment. */
  private record Target(SchemaRegistrar registrar, EntityTopicNames topics) {
    static Target of(SettingsOption settings, EntityConfig config) {
      Settings loaded = settings.load(IngestSettings.defaults());
      return new Target(
          new SchemaRegistrar(IngestSettings.registry(loaded)),
          EntityTopicNames.of(config, loaded));
    }
  }

  /** {@code shardstream schemas check --config FILE}: one verdict per entity topic. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Check every entity's derived event schema against the newest one registered on its"
              + " topic (BACKWARD: the new schema must read every old event), registering nothing."
              + " Prints one verdict per entity; exit code 1 when a change breaks compatibility.")
  static final class Check implements Callable<Integer> {
    @Mixin ConfigOption config;
    @Mixin SettingsOption settings;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      EntityConfig model = config.load();
      Target target = Target.of(settings, model);
      List<ModelCompatibility.Verdict> verdicts;
      try {
        verdicts = new ModelCompatibility(target.registrar()).verdicts(model, target.topics()::of);
      } catch (SchemaRegistryUnavailableException e) {
        throw new UserException(IngestSettings.whatToCheck(e).getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      for (ModelCompatibility.Verdict verdict : verdicts) {
        out.println(line(verdict));
        verdict.problems().forEach(problem -> out.println("  " + problem));
      }
      long broken =
          verdicts.stream()
              .filter(v -> v.status() == ModelCompatibility.Status.INCOMPATIBLE)
              .count();
      out.println(
          broken == 0
              ? "compatible: every entity's events can be read with the new schemas"
              : broken
                  + " of "
                  + verdicts.size()
                  + " entities incompatible: make new attributes optional, keep types, or publish"
                  + " to a new topic (topics.<plural>)");
      out.flush();
      return broken == 0 ? 0 : INCOMPATIBLE;
    }

    private static String line(ModelCompatibility.Verdict verdict) {
      String what =
          switch (verdict.status()) {
            case NEW_TOPIC -> "new (nothing registered yet)";
            case COMPATIBLE -> "compatible";
            case INCOMPATIBLE -> "INCOMPATIBLE";
          };
      return verdict.entity() + " -> " + verdict.topic() + ": " + what;
    }
  }

  /**
   * {@code shardstream schemas register --config FILE}: the deployment step before producers that
   * only look their schemas up.
   */
  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description =
          "Register every entity's derived event schema on its topic under the BACKWARD rule"
              + " (idempotent); refused when a schema breaks it.")
  static final class Register implements Callable<Integer> {
    @Mixin ConfigOption config;
    @Mixin SettingsOption settings;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      EntityConfig model = config.load();
      Target target = Target.of(settings, model);
      List<RegisteredSchema> registered;
      try {
        registered = Topics.registerSchemas(target.registrar(), model, target.topics()::of);
      } catch (SchemaRegistryUnavailableException e) {
        throw new UserException(IngestSettings.whatToCheck(e).getMessage(), e);
      } catch (IncompatibleSchemaException e) {
        throw new UserException(
            e.getMessage() + " (shardstream schemas check --config ... names the attributes)", e);
      }
      PrintWriter out = spec.commandLine().getOut();
      registered.forEach(
          r ->
              out.println(
                  r.subject() + ": version " + r.version() + " (schema id " + r.schemaId() + ")"));
      out.flush();
      return 0;
    }
  }
}
