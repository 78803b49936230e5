package io.shardstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.SampleEvents;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChangeEventDecoderTest {
  private static final String TOPIC = "users.changes";
  private final ChangeEventSerdes serdes = ChangeEventSerdes.plainAvro();
  private final ChangeEventDecoder<UserChangeEvent> decoder =
      serdes.valueDecoder(UserChangeEvent.class);

  @Test
  void anEventDecodesToOk() {
    UserChangeEvent event = SampleEvents.userUpsert("u-1");
    byte[] bytes = serdes.userEvents().serializer().serialize(TOPIC, event);

    assertThat(decoder.decode(TOPIC, bytes)).isEqualTo(new DecodeResult.Ok<>(event));
  }

  @Test
  void badBytesAreAFailureWithAReasonNotAnException() {
    DecodeResult<UserChangeEvent> result =
        decoder.decode(TOPIC, "{\"userId\":\"u-1\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(result)
        .isInstanceOfSatisfying(
            DecodeResult.Failed.class,
            failed -> {
              assertThat(failed.failure()).isEqualTo(DecodeFailure.MALFORMED_AVRO);
              assertThat(failed.failure().code()).isEqualTo("malformed-avro");
              assertThat(failed.detail()).contains("UserChangeEvent");
            });
  }

  @Test
  void aTombstoneIsAFailure() {
    assertThat(decoder.decode(TOPIC, null))
        .isInstanceOfSatisfying(
            DecodeResult.Failed.class,
            failed -> assertThat(failed.failure()).isEqualTo(DecodeFailure.NULL_VALUE));
  }

  @Test
  void emptyBytesAreAFailure() {
    assertThat(decoder.decode(TOPIC, new byte[0])).isInstanceOf(DecodeResult.Failed.class);
  }

  @Test
  void resultsSwitchExhaustively() {
    byte[] bytes =
        serdes.userEvents().serializer().serialize(TOPIC, SampleEvents.userDelete("u-9"));

    String outcome =
        switch (decoder.decode(TOPIC, bytes)) {
          case DecodeResult.Ok<UserChangeEvent> ok ->
              "apply " + ok.event().getUserKey().getUserId();
          case DecodeResult.Failed<UserChangeEvent> failed ->
              "dead-letter " + failed.failure().code();
        };

    assertThat(outcome).isEqualTo("apply u-9");
  }
}
