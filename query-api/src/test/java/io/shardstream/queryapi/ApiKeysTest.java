package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  @Test
  void parsesOpenAndBoundKeys() {
    ApiKeys keys = ApiKeys.parse(" key1 , key2:b-1,key3: b:2 ");

    assertThat(keys.required()).isTrue();
    assertThat(keys.size()).isEqualTo(3);
    assertThat(keys.caller("key1")).contains(Caller.UNRESTRICTED);
    assertThat(keys.caller("key2")).contains(new Caller(Optional.of("b-1")));
    assertThat(keys.caller("key3")).contains(new Caller(Optional.of("b:2")));
    assertThat(keys.caller("key4")).isEmpty();
    assertThat(keys.caller(null)).isEmpty();
    assertThat(keys.toString()).doesNotContain("key1");
  }

  @Test
  void theRevealScopeFollowsAPlainOrHashedOrBoundEntry() {
    String hashed = ApiKeys.hashedEntry("secret-9", Optional.of("b9"));
    ApiKeys keys = ApiKeys.parse("k1;reveal, k2:b-1;reveal, k3:b-2, " + hashed + ";reveal");

    assertThat(keys.caller("k1")).contains(new Caller(Optional.empty(), true));
    assertThat(keys.caller("k2")).contains(new Caller(Optional.of("b-1"), true));
    assertThat(keys.caller("k3")).contains(new Caller(Optional.of("b-2"), false));
    assertThat(keys.caller("secret-9")).contains(new Caller(Optional.of("b9"), true));
    assertThat(keys.anyBound()).isTrue();
    assertThat(ApiKeys.parse("k1;reveal").anyBound()).isFalse();
  }

  @Test
  void refusesAnUnknownScope() {
    assertThatThrownBy(() -> ApiKeys.parse("k1,k2;write"))
        .hasMessageContaining("entry 2")
        .hasMessageContaining("unknown scope 'write'")
        .hasMessageContaining("key[:binding];reveal");
    assertThatThrownBy(() -> ApiKeys.parse("k1;")).hasMessageContaining("unknown scope ''");
  }

  @Test
  void noSettingMeansNoKeys() {
    assertThat(ApiKeys.parse("").required()).isFalse();
    assertThat(ApiKeys.parse(null).required()).isFalse();
  }

  @Test
  void refusesMistakes() {
    assertThatThrownBy(() -> ApiKeys.parse("key1,,key2")).hasMessageContaining("entry 2");
    assertThatThrownBy(() -> ApiKeys.parse("key1:")).hasMessageContaining("nothing after ':'");
    assertThatThrownBy(() -> ApiKeys.parse("a b")).hasMessageContaining("without spaces");
    assertThatThrownBy(() -> ApiKeys.parse("k1,k1:b")).hasMessageContaining("twice");
  }

  @Test
  void acceptsHashedEntriesBesidePlainOnes() {
    String hashed = ApiKeys.hashedEntry("secret-1", Optional.empty());
    ApiKeys keys =
        ApiKeys.parse(
            hashed
                + ", "
                + ApiKeys.hashedEntry("secret-2", Optional.of("b-2")).toUpperCase(Locale.ROOT)
                + ",plain-3:b-3");

    assertThat(hashed).startsWith("sha256:").hasSize("sha256:".length() + 64);
    assertThat(keys.size()).isEqualTo(3);
    assertThat(keys.caller("secret-1")).contains(Caller.UNRESTRICTED);
    assertThat(keys.caller("secret-2")).contains(new Caller(Optional.of("B-2")));
    assertThat(keys.caller("plain-3")).contains(new Caller(Optional.of("b-3")));
    assertThat(keys.caller("secret-3")).isEmpty();
    assertThat(keys.caller(hashed)).as("the hash is not a key").isEmpty();
    assertThat(keys.caller(hashed.substring("sha256:".length()))).isEmpty();
  }

  @Test
  void aHashedEntryIsTheKeysSha256AsSha256sumPrintsIt() throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest("secret-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String hex = java.util.HexFormat.of().formatHex(digest);

    assertThat(ApiKeys.hashedEntry("secret-1", Optional.empty())).isEqualTo("sha256:" + hex);
    assertThat(ApiKeys.parse("sha256:" + hex + ":b1").caller("secret-1"))
        .contains(new Caller(Optional.of("b1")));
  }

  @Test
  void refusesMalformedHashedEntries() {
    assertThatThrownBy(() -> ApiKeys.parse("k1,sha256:abc"))
        .hasMessageContaining("entry 2")
        .hasMessageContaining("64 hex digits")
        .hasMessageContaining("shardstream api-key hash")
        .hasMessageContaining("got 3 characters");
    String notHex = "g".repeat(64);
    assertThatThrownBy(() -> ApiKeys.parse("sha256:" + notHex))
        .hasMessageContaining("entry 1")
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> ApiKeys.parse("sha256:"))
        .hasMessageContaining("entry 1")
        .hasMessageContaining("got 0 characters");
    String hashed = ApiKeys.hashedEntry("k1", Optional.empty());
    assertThatThrownBy(() -> ApiKeys.parse(hashed + ":")).hasMessageContaining("nothing after ':'");
    assertThatThrownBy(() -> ApiKeys.parse("k1," + hashed + ":b"))
        .hasMessageContaining("entry 2")
        .hasMessageContaining("twice");
  }

  @Test
  void aBoundCallerSeesOnlyItsBeneficiary() {
    Caller bound = new Caller(Optional.of("b1"));
    assertThat(bound.maySee("b1")).isTrue();
    assertThat(bound.maySee("b2")).isFalse();
    assertThat(bound.maySee(null)).isFalse();
    assertThat(Caller.UNRESTRICTED.maySee("anything")).isTrue();
  }
}
