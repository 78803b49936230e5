package io.shardstream.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckWatermarkTest {

  @Test
  void stopsBeforeTheOldestLineInFlight() {
    AckWatermark watermark = new AckWatermark(10);
    assertThat(watermark.doneThrough()).isEqualTo(9);

    watermark.sent(10);
    watermark.passed(11);
    watermark.sent(12);
    watermark.sent(13);
    watermark.acknowledged(13);
    assertThat(watermark.doneThrough()).isEqualTo(9);

    watermark.acknowledged(10);
    assertThat(watermark.doneThrough()).isEqualTo(11);

    watermark.acknowledged(12);
    assertThat(watermark.doneThrough()).isEqualTo(13);

    watermark.passed(14);
    assertThat(watermark.doneThrough()).isEqualTo(14);
  }
}
