package io.shardstream.bench.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the writer's time went in one run. Wall time of its one stream thread from the writer's own
 * counters: waiting on the table writes (the sink's flush timer) and on the EOS transaction (the
 * producer's {@code txn-*-time-ns-total}); the CPU of that thread, split by what its sampled stacks
 * were in (a Flight Recorder recording of the child JVM): keys, serde, state store, sink, Kafka
 * clients, Kafka Streams itself; and how much of the JVM's sampled CPU other threads used.
 *
 * @param steady from the first table write until every event was counted
 * @param sinkSeconds the stream thread's time in table writes (flushes)
 * @param transactionSeconds its time in the producer's transaction calls (begin, offsets, commit)
 * @param streamThreadCpu samples of the stream thread's CPU by part, in {@link #PARTS} order
 * @param otherThreadSamples CPU samples of every other thread (HTTP, Kafka network, ...)
 */
record TimeSplit(
    Duration steady,
    double sinkSeconds,
    double transactionSeconds,
    Map<String, Long> streamThreadCpu,
    long otherThreadSamples) {

  /** The parts, each with the package or class prefixes of the frames that belong to it. */
  static final Map<String, List<String>> PARTS = parts();

  private static Map<String, List<String>> parts() {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    parts.put("keys", List.of("io.shardstream.core.", "io.shardstream.writer.item."));
    parts.put(
        "serde",
        List.of(
            "org.apache.avro.",
            "io.apicurio.",
            "io.shardstream.schemas.",
            "io.shardstream.writer.state.JsonSerde",
            "com.fasterxml.jackson."));
    parts.put("state store", List.of("org.rocksdb.", "org.apache.kafka.streams.state."));
    parts.put(
        "sink",
        List.of("io.shardstream.writer.sink.", "io.shardstream.dynamo.", "software.amazon."));
    parts.put("EOS producer", List.of("org.apache.kafka.clients.producer."));
    parts.put("consumer", List.of("org.apache.kafka.clients.consumer."));
    parts.put("Kafka Streams", List.of("org.apache.kafka."));
    parts.put("writer stages", List.of("io.shardstream.writer."));
    return parts;
  }

  private static final String OTHER = "other (JDK)";

  /** The split of one run, from its final metrics and the child's recording. */
  static TimeSplit of(Duration steady, PrometheusText metrics, Path recording) {
    double sink = metrics.sum("shardstream_writer_table_flush_seconds_sum");
    double transactionNanos = 0;
    for (String call : List.of("begin", "send_offsets", "commit")) {
      transactionNanos += metrics.sum("kafka_producer_txn_" + call + "_time_ns_total");
    }
    Map<String, Long> byPart = new LinkedHashMap<>();
    PARTS.keySet().forEach(part -> byPart.put(part, 0L));
    byPart.put(OTHER, 0L);
    long others = 0;
    if (Files.isRegularFile(recording)) {
      try (RecordingFile file = new RecordingFile(recording)) {
        while (file.hasMoreEvents()) {
          RecordedEvent event = file.readEvent();
          if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
            continue;
          }
          RecordedThread thread = event.getThread("sampledThread");
          String name = thread == null ? "" : String.valueOf(thread.getJavaName());
          if (name.contains("StreamThread")) {
            byPart.merge(partOf(event.getStackTrace()), 1L, Long::sum);
          } else {
            others++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the writer's recording " + recording, e);
      }
    }
    return new TimeSplit(steady, sink, transactionNanos / 1e9, byPart, others);
  }

  /** The part of the first frame, from the leaf down, that belongs to one. */
  private static String partOf(RecordedStackTrace stack) {
    if (stack == null) {
      return OTHER;
    }
    for (RecordedFrame frame : stack.getFrames()) {
      if (!frame.isJavaFrame() || frame.getMethod() == null) {
        continue;
      }
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
        for (String prefix : part.getValue()) {
          if (type.startsWith(prefix)) {
            return part.getKey();
          }
        }
      }
    }
    return OTHER;
  }

  long streamThreadSamples() {
    return streamThreadCpu.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line for the report. */
  String describe() {
    double wall = steady.toNanos() / 1e9;
    long samples = streamThreadSamples();
    String cpu =
        samples == 0
            ? "no CPU samples"
            : streamThreadCpu.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(
                    e ->
                        String.format(
                            Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / samples))
                .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "stream thread over %.1f s: table writes (sink) %.1f s (%.0f%%), EOS transaction calls %.1f"
            + " s (%.0f%%), the rest (poll, process) %.1f s; its CPU samples (%,d): %s; other"
            + " threads' CPU samples %,d (%.1f× the stream thread's)",
        wall,
        sinkSeconds,
        wall == 0 ? 0 : 100 * sinkSeconds / wall,
        transactionSeconds,
        wall == 0 ? 0 : 100 * transactionSeconds / wall,
        Math.max(0, wall - sinkSeconds - transactionSeconds),
        samples,
        cpu,
        otherThreadSamples,
        samples == 0 ? 0.0 : otherThreadSamples / (double) samples);
  }
}
