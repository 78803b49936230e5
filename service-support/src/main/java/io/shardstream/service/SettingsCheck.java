package io.shardstream.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a service's settings and collects every problem, so one start reports all bad keys at once
 * ({@link #throwIfAny}) instead of one per attempt.
 */
public final class SettingsCheck {
  private final String service;
  private final Settings settings;
  private final List<String> problems = new ArrayList<>();

  SettingsCheck(String service, Settings settings) {
    this.service = service;
    this.settings = settings;
  }

  /**
   * The value of {@code setting}; for a bad one, the problem is recorded and the default returned
   * ({@code null} when the default does not parse either: {@link #throwIfAny} will throw).
   */
  public <T> T get(Setting<T> setting) {
    try {
      return setting.read(settings);
    } catch (SettingsException e) {
      problems.add(e.getMessage());
      try {
        return setting.parse(setting.defaultText());
      } catch (SettingsException unset) {
        return null;
      }
    }
  }

  /** Records a problem found by a rule across keys; the message names the keys and the fix. */
  public void problem(String message) {
    problems.add(message);
  }

  /** Records a problem with {@code setting}'s value ({@link Setting#problem}). */
  public void problem(Setting<?> setting, String what) {
    problems.add(setting.problem(what).getMessage());
  }

  /** The settings read, for keys a service reads in its own way. */
  public Settings settings() {
    return settings;
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * @throws SettingsException listing every problem, one per line
   */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new SettingsException(
          "invalid " + service + " settings:\n  " + String.join("\n  ", problems));
    }
  }
}
