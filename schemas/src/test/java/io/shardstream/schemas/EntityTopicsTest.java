package io.shardstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import org.junit.jupiter.api.Test;

class EntityTopicsTest {

  @Test
  void userEmailKeepsTodaysTopicsAndSettingKeys() {
    EntityConfig config = ConfigLoader.parse(ExampleConfigs.userEmail());
    assertThat(EntityTopics.defaultName(config.entity("user").orElseThrow()))
        .isEqualTo(Topics.USERS.name());
    assertThat(EntityTopics.settingKey(config.entity("user").orElseThrow()))
        .isEqualTo(Topics.USERS.settingKey());
    assertThat(EntityTopics.defaultName(config.entity("email").orElseThrow()))
        .isEqualTo(Topics.EMAILS.name());
    assertThat(EntityTopics.settingKey(config.entity("email").orElseThrow()))
        .isEqualTo(Topics.EMAILS.settingKey());
  }

  @Test
  void personModelTopicsFollowThePlural() {
    EntityConfig config = ConfigLoader.parse(ExampleConfigs.person());
    assertThat(EntityTopics.defaultName(config.entity("person").orElseThrow()))
        .isEqualTo("persons.changes");
    assertThat(EntityTopics.defaultName(config.entity("address").orElseThrow()))
        .isEqualTo("addresses.changes");
    assertThat(EntityTopics.settingKey(config.entity("bankAccount").orElseThrow()))
        .isEqualTo("topics.bankAccounts");
    assertThat(EntityTopics.defaultName(config.entity("contactInfo").orElseThrow()))
        .isEqualTo("contactInfos.changes");
  }
}
