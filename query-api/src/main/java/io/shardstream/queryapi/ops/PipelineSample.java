package io.shardstream.queryapi.ops;

import java.util.List;
import java.util.Map;

/**
 * One look at the pipeline.
 *
 * @param sampledAt when, as ISO-8601 text; null before the first sample
 * @param totalLag the writer group's lag over its source topics; null when Kafka did not answer
 * @param lagByTopic the same per source topic
 * @param eventsPerSecond events committed per second since the previous sample; null on the first
 * @param kafkaProblem why the lag could not be read, else null
 */
public record PipelineSample(
    String sampledAt,
    String consumerGroup,
    List<WriterReadiness> writers,
    Long totalLag,
    Map<String, Long> lagByTopic,
    Double eventsPerSecond,
    String kafkaProblem) {

  static PipelineSample none(String group) {
    return new PipelineSample(null, group, List.of(), null, null, null, null);
  }
}
