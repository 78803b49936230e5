package io.shardstream.schemas;

import io.shardstream.core.config.EntityDefinition;

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
    return entity.plural() + NAME_SUFFIX;
  }

  /** {@code topics.<plural>}, e.g. {@code topics.users}. */
  public static String settingKey(EntityDefinition entity) {
    return SETTING_PREFIX + entity.plural();
  }
}
