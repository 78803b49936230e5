package io.shardstream.app;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.ExampleConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    try (InputStream in = Files.newInputStream(file)) {
      return ConfigLoader.load(in);
    } catch (NoSuchFileException e) {
      throw new UserException("configuration file not found: " + file);
    } catch (IOException e) {
      throw new UserException("cannot read configuration file " + file + ": " + e.getMessage(), e);
    } catch (io.shardstream.core.config.ConfigValidationException e) {
      throw new UserException(file + ": " + e.getMessage(), e);
    }
  }
}
