package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.SampleEvents;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.util.concurrent.Callable;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class AvroClassTrustTest {

  @Test
  void theEventClassesAreTrustedOnceAnyCodecExists() {
    AvroBinaryCodec.of(UserChangeEvent.class);

    assertThat(ClassSecurityValidator.getGlobal().isTrusted(UserChangeEvent.class)).isTrue();
    assertThat(ClassSecurityValidator.getGlobal().isTrusted(UserChangeEvent.Builder.class))
        .isTrue();
  }

  @Test
  void classesOutsideTheEventsPackageStayUntrusted() {
    AvroBinaryCodec.of(UserChangeEvent.class);

    assertThat(ClassSecurityValidator.getGlobal().isTrusted(AvroClassTrustTest.class)).isFalse();
    assertThat(ClassSecurityValidator.getGlobal().isTrusted(Callable.class)).isFalse();
    assertThat(ClassSecurityValidator.getGlobal().isTrusted(String.class))
        .as("Avro's own defaults are kept")
        .isTrue();
  }

  @Test
  void readersInstantiateTheGeneratedClass() {
    AvroBinaryCodec<UserChangeEvent> codec = AvroBinaryCodec.of(UserChangeEvent.class);

    Object decoded = codec.decode(codec.encode(SampleEvents.userUpsert("u-1")));

    assertThat(decoded).isExactlyInstanceOf(UserChangeEvent.class);
  }
}
