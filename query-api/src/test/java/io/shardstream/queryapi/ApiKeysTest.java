package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aBoundCallerSeesOnlyItsBeneficiary() {
    Caller bound = new Caller(Optional.of("b1"));
    assertThat(bound.maySee("b1")).isTrue();
    assertThat(bound.maySee("b2")).isFalse();
    assertThat(bound.maySee(null)).isFalse();
    assertThat(Caller.UNRESTRICTED.maySee("anything")).isTrue();
  }
}
