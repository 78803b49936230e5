package io.shardstream.queryapi.ops;

import io.shardstream.service.ConsumerLag;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's health, sampled on an interval so that any number of watching clients cost one
 * Kafka Admin round and one readiness request per writer per interval: each writer's readiness, the
 * writer's consumer-group lag per source topic, and events/s from how far its committed offsets
 * moved since the previous sample (Kafka Streams commits after the table writes are durable, so
 * this is the rate events reach the table).
 */
public final class PipelineWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineWatch.class);

  private final String group;
  private final List<String> sourceTopics;
  private final List<URI> writers;
  private final Function<String, ConsumerLag> lagReader;
  private final WriterProbe probe;
  private final Admin admin;
  private final ScheduledExecutorService sampler;
  private final Duration interval;
  private volatile PipelineSample latest;
  private Instant previousAt;
  private Long previousPosition;

  public PipelineWatch(OpsSettings settings) {
    this(settings, createAdmin(settings.kafka()));
  }

  private PipelineWatch(OpsSettings settings, Admin admin) {
    this.group = settings.writerApplicationId();
    this.sourceTopics = settings.sourceTopics();
    this.writers = settings.writerUrls();
    this.admin = admin;
    this.lagReader = g -> ConsumerLag.read(admin, g, sourceTopics);
    this.interval = settings.sampleInterval();
    this.probe =
        new WriterProbe(
            HttpClient.newBuilder().connectTimeout(interval).build(), interval.multipliedBy(2));
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pipeline-sampler").factory());
    this.latest = PipelineSample.none(group);
  }

  private static Admin createAdmin(Map<String, String> kafka) {
    Map<String, Object> config = new LinkedHashMap<>(kafka);
    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "shardstream-query-api-pipeline");
    return Admin.create(config);
  }

  public PipelineWatch start() {
    sampler.scheduleWithFixedDelay(
        this::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** The latest sample (one with {@code sampledAt} null before the first). */
  public PipelineSample latest() {
    return latest;
  }

  private void sampleQuietly() {
    try {
      latest = sample();
    } catch (RuntimeException e) {
      LOG.warn("pipeline sample failed", e);
    }
  }

  /** One sample now; the rate compares it with the previous one. */
  PipelineSample sample() {
    List<WriterReadiness> readiness = writers.stream().map(probe::probe).toList();
    Instant now = Instant.now();
    ConsumerLag lag;
    try {
      lag = lagReader.apply(group);
    } catch (RuntimeException e) {
      return new PipelineSample(now.toString(), group, readiness, null, null, null, e.getMessage());
    }
    Map<String, Long> byTopic = new LinkedHashMap<>();
    sourceTopics.forEach(topic -> byTopic.put(topic, lag.lag(List.of(topic))));
    long position = lag.positions(sourceTopics).values().stream().mapToLong(Long::longValue).sum();
    Double rate = null;
    if (previousPosition != null) {
      double seconds = Duration.between(previousAt, now).toNanos() / 1e9;
      rate = seconds > 0 ? Math.max(0, position - previousPosition) / seconds : null;
    }
    previousAt = now;
    previousPosition = position;
    return new PipelineSample(
        now.toString(), group, readiness, lag.lag(sourceTopics), byTopic, rate, null);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    try {
      sampler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(Duration.ofSeconds(5));
  }
}
