package io.shardstream.service;

import io.shardstream.core.config.ConfigValidationException;
import io.shardstream.core.config.LoadedConfig;
import io.shardstream.schemas.ExampleConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way an entity configuration is loaded: from a file a user named ({@code entity.config},
 * {@code --config}), the seed when none is named, or text such as a control record's. The result
 * carries the source, the JSON text and the parsed configuration, so nobody parses it again.
 */
public final class EntityConfigLoader {
  /** How messages name the file: "entity configuration file x.json is a directory". */
  public static final String WHAT = "entity configuration file";

  private EntityConfigLoader() {}

  /** The seed User/Email configuration shipped with shardstream. */
  public static LoadedConfig seed() {
    return LoadedConfig.parse(
        "the seed configuration (" + ExampleConfigs.USER_EMAIL + ")", ExampleConfigs.userEmail());
  }

  /** {@code file} when given, else the seed. */
  public static LoadedConfig fileOrSeed(Optional<Path> file) {
    return file.map(EntityConfigLoader::file).orElseGet(EntityConfigLoader::seed);
  }

  /**
   * {@code --model NAME|FILE}: a shipped example model by name ({@code user-email}, {@code
   * person}), else a configuration file.
   *
   * @throws InputFiles.InputFileException neither an example's name nor a readable, valid file
   */
  public static LoadedConfig model(String nameOrFile) {
    String resource = ExampleConfigs.MODELS.get(nameOrFile);
    if (resource != null) {
      return LoadedConfig.parse(
          "the " + nameOrFile + " example (" + resource + ")", ExampleConfigs.json(resource));
    }
    Path file = Path.of(nameOrFile);
    if (!Files.exists(file) && !nameOrFile.contains("/") && !nameOrFile.endsWith(".json")) {
      throw new InputFiles.InputFileException(
          "no model named '"
              + nameOrFile
              + "': name an example ("
              + String.join(", ", new java.util.TreeSet<>(ExampleConfigs.MODELS.keySet()))
              + ") or an entity configuration file");
    }
    return file(file);
  }

  /**
   * A configuration's text from elsewhere than a file (a control record).
   *
   * @throws ConfigValidationException listing every broken rule
   */
  public static LoadedConfig text(String source, String json) {
    return LoadedConfig.parse(source, json);
  }

  /**
   * @throws InputFiles.InputFileException naming the file and what is wrong: missing, a directory,
   *     unreadable, or not a valid configuration (every broken rule listed)
   */
  public static LoadedConfig file(Path file) {
    InputFiles.requireReadable(file, WHAT);
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new InputFiles.InputFileException(
          "cannot read " + WHAT + " " + file + ": " + e.getMessage(), e);
    }
    try {
      return LoadedConfig.parse(file.toString(), json);
    } catch (ConfigValidationException e) {
      throw new InputFiles.InputFileException(file + ": " + e.getMessage(), e);
    }
  }
}
