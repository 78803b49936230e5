package io.shardstream.bench.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String TEXT =
      """
      # HELP shardstream_writer_events_total Events by outcome
      # TYPE shardstream_writer_events_total counter
      shardstream_writer_events_total{entity="email",outcome="applied",service="writer"} 1200.0
      shardstream_writer_events_total{entity="user",outcome="applied",service="writer"} 800.0
      shardstream_writer_events_total{entity="user",outcome="stale",service="writer"} 3.0
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space",service="writer"} 1.048576E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen",service="writer"} 2.097152E7
      jvm_memory_used_bytes{area="nonheap",id="Metaspace",service="writer"} 5.0E7
      odd_label{text="a \\"quoted\\" value, with comma"} 7
      process_uptime_seconds 12.5
      """;

  @Test
  void addsSamplesUpByNameAndLabels() {
    PrometheusText metrics = PrometheusText.parse(TEXT);

    assertThat(metrics.sum("shardstream_writer_events_total")).isEqualTo(2003.0);
    assertThat(metrics.sumBy("shardstream_writer_events_total", "outcome"))
        .isEqualTo(Map.of("applied", 2000.0, "stale", 3.0));
    assertThat(metrics.sum("jvm_memory_used_bytes", l -> "heap".equals(l.get("area"))))
        .isEqualTo(31_457_280.0);
    assertThat(metrics.sum("odd_label")).isEqualTo(7.0);
    assertThat(metrics.sum("process_uptime_seconds")).isEqualTo(12.5);
    assertThat(metrics.has("missing_metric")).isFalse();
    assertThat(metrics.sum("missing_metric")).isZero();
  }
}
