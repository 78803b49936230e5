package io.shardstream.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys one service reads, each declared once as a {@link Setting}: its defaults, its loader
 * (defaults, then a settings file, then {@code SHARDSTREAM_*} environment variables), its checks
 * and its README table ({@link SettingsDoc}) all come from this list.
 */
public final class SettingsSpec {
  private final String service;
  private final List<Setting<?>> settings;

  private SettingsSpec(String service, List<Setting<?>> settings) {
    this.service = service;
    this.settings = List.copyOf(settings);
    Map<String, Setting<?>> byKey = new LinkedHashMap<>();
    for (Setting<?> setting : settings) {
      if (byKey.put(setting.key(), setting) != null) {
        throw new IllegalArgumentException(service + " declares '" + setting.key() + "' twice");
      }
    }
  }

  /**
   * @param service the name the validation message starts with ("invalid writer settings")
   */
  public static SettingsSpec of(String service, Setting<?>... settings) {
    return new SettingsSpec(service, List.of(settings));
  }

  /** These keys and {@code more} (a command that reads a service's keys and a few of its own). */
  public SettingsSpec plus(Setting<?>... more) {
    List<Setting<?>> all = new ArrayList<>(settings);
    Collections.addAll(all, more);
    return new SettingsSpec(service, all);
  }

  public String service() {
    return service;
  }

  public List<Setting<?>> settings() {
    return settings;
  }

  /**
   * Every key with its default ({@code ""}: unset). Every key is listed, so that its environment
   * variable maps back to it even when the key has dashes ({@link SettingsLoader#environment}).
   */
  public Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    settings.stream()
        .filter(s -> !s.isPassThrough())
        .forEach(s -> defaults.put(s.key(), s.defaultText()));
    return defaults;
  }

  /** Defaults, then {@code file} (when not null), then {@code environment}. */
  public Settings load(Path file, Map<String, String> environment) {
    return new SettingsLoader().defaults(defaults()).file(file).environment(environment).load();
  }

  /** A check of {@code settings} against these keys, collecting every problem. */
  public SettingsCheck check(Settings values) {
    return new SettingsCheck(service, values);
  }

  /** The README table of these keys ({@link SettingsDoc#table}). */
  public String table() {
    return SettingsDoc.table(settings);
  }

  /**
   * What keeps the docs from matching these declarations: a key without a doc, or a README whose
   * section {@code section} is not {@link #table} (with the table to paste); empty when all match.
   */
  public List<String> docProblems(String section, Path... readmes) {
    List<String> problems = new ArrayList<>();
    settings.stream()
        .filter(s -> s.doc().isBlank())
        .forEach(s -> problems.add("'" + s.key() + "' has no doc"));
    for (Path readme : readmes) {
      SettingsDoc.differs(readme, section, table()).ifPresent(problems::add);
    }
    return problems;
  }
}
