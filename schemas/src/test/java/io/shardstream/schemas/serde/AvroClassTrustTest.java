package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.SampleEvents;
import io.shardstream.schemas.avro.UserChangeEvent;
import org.junit.jupiter.api.Test;

class AvroClassTrustTest {

  @Test
  void theEventsPackageIsTrustedOnceAnyCodecExists() {
    AvroBinaryCodec.of(UserChangeEvent.class);

    assertThat(System.getProperty(AvroClassTrust.TRUSTED_PACKAGES_PROPERTY).split(","))
        .contains("io.shardstream.schemas.avro");
  }

  @Test
  void readersInstantiateTheGeneratedClass() {
    AvroBinaryCodec<UserChangeEvent> codec = AvroBinaryCodec.of(UserChangeEvent.class);

    Object decoded = codec.decode(codec.encode(SampleEvents.userUpsert("u-1")));

    assertThat(decoded).isExactlyInstanceOf(UserChangeEvent.class);
  }

  @Test
  void packagesAlreadyTrustedAreKept() {
    assertThat(AvroClassTrust.withPackage(null, "a.b")).isEqualTo("a.b");
    assertThat(AvroClassTrust.withPackage(" ", "a.b")).isEqualTo("a.b");
    assertThat(AvroClassTrust.withPackage("x.y", "a.b")).isEqualTo("x.y,a.b");
    assertThat(AvroClassTrust.withPackage("x.y, a.b", "a.b")).isEqualTo("x.y, a.b");
    assertThat(AvroClassTrust.withPackage("*", "a.b"))
        .as("everything is trusted already")
        .isEqualTo("*");
  }
}
