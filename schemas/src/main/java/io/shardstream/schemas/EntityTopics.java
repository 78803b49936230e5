package io.shardstream.schemas;

import io.shardstream.core.config.EntityDefinition;
import java.util.Locale;

/**
 * The change topic of each entity of the configuration, declared once: its default name {@code
 * <plural>.changes} and the setting that overrides it, {@code topics.<plural>} (environment
 * variable {@code SHARDSTREAM_TOPICS_<PLURAL>}). For User/Email these are today's {@code
 * users.changes} / {@code topics.users} and {@code emails.changes} / {@code topics.emails}.
 */
public final class EntityTopics {
  /** The prefix of every entity's topic setting (shared with the other {@code topics.*} keys). */
  public static final String SETTING_PREFIX = "topics.";

  /** What follows the plural in a default topic name. */
  public static final String NAME_SUFFIX = ".changes";

  private EntityTopics() {}

  /** {@code <plural>.changes}, e.g. {@code persons.changes}, {@code bankAccounts.changes}. */
  public static String defaultName(EntityDefinition entity) {
    return plural(entity) + NAME_SUFFIX;
  }

  /** {@code topics.<plural>}, e.g. {@code topics.users}. */
  public static String settingKey(EntityDefinition entity) {
    return SETTING_PREFIX + plural(entity);
  }

  /**
   * The entity's plural. Until core's {@code EntityDefinition.plural()} (config key {@code
   * "plural"}) is there, the contract's English default: token + "es" after s, x, z, ch, sh;
   * consonant + "y" → "ies"; else + "s".
   */
  private static String plural(EntityDefinition entity) {
    String token = entity.token();
    String lower = token.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s")
        || lower.endsWith("x")
        || lower.endsWith("z")
        || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return token + "es";
    }
    if (lower.length() > 1
        && lower.endsWith("y")
        && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return token.substring(0, token.length() - 1) + "ies";
    }
    return token + "s";
  }
}
