package io.shardstream.writer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.keys.PrimaryKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ReplayVerifierTest {
  private static final PrimaryKey A = new PrimaryKey("user!1", "userId#a");
  private static final PrimaryKey B = new PrimaryKey("user!2", "userId#b");
  private static final PrimaryKey C = new PrimaryKey("email!0", "email#c@x.io");

  @Test
  void listsMissingAndUnexpectedKeys() {
    assertThat(ReplayVerifier.keyDifferences(Set.of(A, B), Set.of(B, C)))
        .containsExactly(
            "missing from the table: user!1 / userId#a",
            "unexpected in the table: email!0 / email#c@x.io");
    assertThat(ReplayVerifier.keyDifferences(Set.of(A, B), Set.of(A, B))).isEmpty();
  }

  @Test
  void comparesEveryAttributeIncludingGeneratedKeys() {
    Map<String, AttributeValue> expected = item("Ana", "user!1", "1.50");
    assertThat(ReplayVerifier.itemDifference(A, expected, item("Ana", "user!1", "1.5")))
        .as("numbers compare by value")
        .isEmpty();
    assertThat(ReplayVerifier.itemDifference(A, expected, item("Ana", "user!3", "1.5")))
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .contains("beneficiaryHashKey: expected user!1," + " table user!3")
                    .doesNotContain("firstName"));
    Map<String, AttributeValue> extra = new LinkedHashMap<>(expected);
    extra.put("phone", AttributeValue.fromS("555"));
    assertThat(ReplayVerifier.itemDifference(A, expected, extra))
        .hasValueSatisfying(d -> assertThat(d).contains("phone: expected null, table 555"));
    assertThat(ReplayVerifier.itemDifference(A, expected, Map.of()))
        .contains("missing from the table: user!1 / userId#a");
  }

  @Test
  void entityIsTheHashKeyBeforeTheShardDelimiter() {
    assertThat(ReplayVerifier.entityOf("user!3f", "!")).isEqualTo("user");
    assertThat(ReplayVerifier.entityOf("email", "!")).isEqualTo("email");
    assertThat(ReplayVerifier.entityOf(new PrimaryKey("user!3f", "userId#u-1"), "!", ",", "#"))
        .isEqualTo("user");
    // A co-located child in its parent's partition: the last segment of its range key.
    assertThat(
            ReplayVerifier.entityOf(
                new PrimaryKey("person!3a", "id#p-1,bankAccount#b-1"), "!", ",", "#"))
        .isEqualTo("bankAccount");
    assertThat(ReplayVerifier.entityOf(new PrimaryKey("person!3a", "id#p-1"), "!", ",", "#"))
        .isEqualTo("person");
  }

  @Test
  void theSampleIsRepeatableForASeedAndCappedByTheItems() {
    Set<PrimaryKey> keys = Set.of(A, B, C);
    assertThat(ReplayVerifier.sample(keys, 2, 7))
        .hasSize(2)
        .isEqualTo(ReplayVerifier.sample(keys, 2, 7));
    assertThat(ReplayVerifier.sample(keys, 10, 7)).containsExactlyInAnyOrder(A, B, C);
  }

  private static Map<String, AttributeValue> item(String firstName, String hash, String score) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("firstName", AttributeValue.fromS(firstName));
    item.put("beneficiaryHashKey", AttributeValue.fromS(hash));
    item.put("score", AttributeValue.fromN(score));
    return item;
  }
}
