package io.shardstream.app;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.service.EntityConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
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

  /** Through the one loader; a bad file is an {@code InputFileException} naming it. */
  EntityConfig load() {
    return EntityConfigLoader.fileOrSeed(Optional.ofNullable(file)).config();
  }
}
