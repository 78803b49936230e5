package io.shardstream.app;

import io.shardstream.service.Settings;
import io.shardstream.service.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --settings FILE}: a properties or YAML settings file; every key can be overridden by a
 * {@code SHARDSTREAM_*} environment variable (see the README's configuration table).
 */
final class SettingsOption {
  @Option(
      names = {"-s", "--settings"},
      paramLabel = "FILE",
      defaultValue = "${env:SHARDSTREAM_SETTINGS}",
      description = "Settings file (.properties or .yaml); env SHARDSTREAM_* overrides each key.")
  Path file;

  Settings load(Map<String, String> defaults) {
    return new SettingsLoader().defaults(defaults).file(file).environment(System.getenv()).load();
  }
}
