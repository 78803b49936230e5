package io.shardstream.demo;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.EntityTopics;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.registry.SchemaRegistrar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The example model {@code shardstream demo --model NAME} runs. */
enum DemoModel {
  /** The shipped User/Email model: the services' own default configuration. */
  USER_EMAIL("user-email"),
  /** Person with addresses, bank accounts, contacts and employments in the person's partition. */
  PERSON("person");

  /** Where the demo puts the configuration its services load (in its data directory). */
  static final String CONFIG_FILE = "demo-model-config.json";

  private final String label;

  DemoModel(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  String configJson() {
    return ExampleConfigs.json(ExampleConfigs.MODELS.get(label));
  }

  EntityConfig config() {
    return ConfigLoader.parse(configJson());
  }

  /**
   * The {@code entity.config} setting of the writer and the query API: none for User/Email (their
   * default), else the model's configuration, written into the data directory.
   */
  Optional<Path> writeConfig(Path dataDirectory) {
    if (this == USER_EMAIL) {
      return Optional.empty();
    }
    Path file = dataDirectory.resolve(CONFIG_FILE);
    try {
      Files.createDirectories(dataDirectory);
      Files.writeString(file, configJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return Optional.of(file);
  }

  /**
   * Registers the model's event schemas, as a deployment does before its producers (which only look
   * schemas up) start: User/Email's generated classes, or the derived schema of each entity on its
   * default topic.
   */
  void registerSchemas(SchemaRegistrar registrar) {
    if (this == USER_EMAIL) {
      Topics.registerSchemas(registrar);
      return;
    }
    EntityConfig config = config();
    Topics.registerSchemas(
        registrar, config, token -> EntityTopics.defaultName(config.entity(token).orElseThrow()));
  }

  /** {@code --model user-email|person}. */
  static final class Converter implements ITypeConverter<DemoModel> {
    private static final Map<String, DemoModel> BY_LABEL =
        Map.of(USER_EMAIL.label, USER_EMAIL, PERSON.label, PERSON);

    @Override
    public DemoModel convert(String value) {
      DemoModel model = BY_LABEL.get(value);
      if (model == null) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is no example model: "
                + String.join(" or ", Arrays.stream(values()).map(DemoModel::label).toList()));
      }
      return model;
    }
  }
}
