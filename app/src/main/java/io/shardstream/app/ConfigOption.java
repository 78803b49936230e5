package io.shardstream.app;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.ConfigValidationException;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.service.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: the entity configuration; the seed User/Email config when omitted. */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Entity configuration (JSON, Entity Manager's format). Default: the "
              + "built-in User/Email example.")
  Path file;

  EntityConfig load() {
    if (file == null) {
      return ConfigLoader.parse(ExampleConfigs.userEmail());
    }
    InputFiles.requireReadable(file, "entity configuration file");
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new UserException(
          "cannot read entity configuration file " + file + ": " + e.getMessage(), e);
    }
    try {
      return ConfigLoader.parse(json);
    } catch (ConfigValidationException e) {
      throw new UserException(file + ": " + e.getMessage(), e);
    }
  }
}
