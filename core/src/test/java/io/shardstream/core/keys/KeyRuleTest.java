package io.shardstream.core.keys;

import static io.shardstream.core.keys.UnkeyedUsers.user;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each key rule an item can break comes out as its {@link KeyRule}, whatever the message says. */
class KeyRuleTest {

  @Test
  void theRulesCodesAreTheStableNamesCallersPublish() {
    assertThat(Arrays.stream(KeyRule.values()).map(KeyRule::code))
        .containsExactly("delimiter", "too-long", "unkeyable");
  }

  @Test
  void aValueHoldingTheKeyDelimiterBreaksTheDelimiterRule() {
    KeyException e = keying(user("evil,id", BUMP_4));
    assertThat(e.rule()).isEqualTo(KeyRule.DELIMITER);
    assertThat(e.property()).isEqualTo("userId");
  }

  @Test
  void aRangeKeyOverDynamoDbsLimitIsTooLong() {
    KeyException e = keying(user("u".repeat(1100), BUMP_4));
    assertThat(e.rule()).isEqualTo(KeyRule.TOO_LONG);
    assertThat(e.getMessage()).contains("DynamoDB allows");
  }

  @Test
  void aGeneratedIndexKeyOverDynamoDbsLimitIsTooLong() {
    Map<String, Object> user = user("u-1", BUMP_4);
    user.put("firstName", "a".repeat(1100));
    KeyException e = keying(user);
    assertThat(e.rule()).isEqualTo(KeyRule.TOO_LONG);
    assertThat(e.property()).isEqualTo("firstNameRangeKey");
  }

  @Test
  void aMissingPropertyIsUnkeyable() {
    Map<String, Object> user = user("u-1", BUMP_4);
    user.remove("created");
    assertThat(keying(user).rule()).isEqualTo(KeyRule.UNKEYABLE);
  }

  @Test
  void theRuleComesFromTheFaultNotFromWordsInTheMessage() {
    // The message quotes the value, which here is the word "delimiter"; reading the rule from the
    // message would have called this a delimiter fault.
    Map<String, Object> user = user("u-1", BUMP_4);
    user.put("created", "delimiter");
    KeyException e = keying(user);
    assertThat(e.getMessage()).contains("delimiter");
    assertThat(e.rule()).isEqualTo(KeyRule.UNKEYABLE);
  }

  private static KeyException keying(Map<String, Object> item) {
    KeyException e = catchThrowableOfType(KeyException.class, () -> MANAGER.addKeys("user", item));
    assertThat(e).as("keying %s must fail", item.keySet()).isNotNull();
    return e;
  }
}
