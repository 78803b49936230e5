package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.Settings;
import io.shardstream.writer.testing.DeadLetterSources;
import io.shardstream.writer.testing.GroupProgress;
import io.shardstream.writer.testing.LiveStack;
import io.shardstream.writer.testing.Scenario;
import io.shardstream.writer.testing.ScenarioGenerator;
import io.shardstream.writer.testing.WriterProcess;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer as a separate OS process ({@link WriterMain}), SIGKILLed several times at random
 * moments while a generated workload (updates, deletes with cascades, duplicates, out-of-order and
 * invalid records, refused claims) streams in, and restarted each time on the same state directory
 * as a supervisor would. Once everything is consumed, the table must equal the reference model's
 * projection item by item (deleted items absent) and the dead-letter topic, read {@code
 * read_committed}, must hold every invalid or refused record exactly once: with {@code
 * exactly_once_v2}, dead letters produced by a killed incarnation belong to a transaction that is
 * aborted when its successor fences the same {@code transactional.id}, so they are invisible.
 *
 * <p>"Everything consumed" is read from the broker, not from the writer's counters (each
 * incarnation counts from zero): the writer's consumer group has committed the end offset of every
 * partition it reads (source topics and its two internal topics), and since Kafka Streams commits
 * outputs and input offsets in one transaction, nothing is then in flight anywhere.
 *
 * <p>The child's output goes to {@code target/crash-it/writer-N.log}.
 */
@ExtendWith(DevStackExtension.class)
class WriterCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(WriterCrashIT.class);
  private static final String NAME = "crash";
  private static final long SEED = 20_250_917L;
  private static final int USERS = 720;
  private static final int KILLS = 4;

  /** Kill i happens once this share of the workload has been produced (and the writer works). */
  private static final double[] KILL_AT = {0.10, 0.32, 0.55, 0.78};

  /** Records per second the producer sends: slow enough that the writer is always busy. */
  private static final int RATE = 170;

  /**
   * How long the run may show no progress at all (lag, records sent, incarnations, the current
   * child's log) before a wait fails; there is no total deadline, so a loaded machine is slow, not
   * red.
   */
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(90);

  private static final Path WORK = Path.of("target", "crash-it");
  private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-Xss1m");

  /** BatchWriteItem requests a writer process made (its table writes). */
  private static final String TABLE_REQUESTS =
      "shardstream_writer_dynamodb_requests_seconds_count{";

  /** The running child, killed after the test whatever happened. */
  private volatile WriterProcess current;

  private final List<Incarnation> incarnations = Collections.synchronizedList(new ArrayList<>());

  /** One process of the writer, from start to kill (or to the end of the test). */
  private static final class Incarnation {
    final int number;
    final WriterProcess process;
    final long killOfPredecessorNanos;
    volatile double liveSeconds = Double.NaN;
    volatile double readySeconds = Double.NaN;
    volatile double firstWriteSeconds = Double.NaN;
    volatile double recoverySeconds = Double.NaN;
    volatile long countedAtKill = -1;
    volatile long lagAtKill = -1;
    volatile int exitCode = Integer.MIN_VALUE;

    Incarnation(int number, WriterProcess process, long killOfPredecessorNanos) {
      this.number = number;
      this.process = process;
      this.killOfPredecessorNanos = killOfPredecessorNanos;
    }
  }

  @AfterEach
  void killTheChild() {
    WriterProcess process = current;
    if (process != null) {
      process.close();
    }
  }

  @Test
  void survivesRepeatedSigkills(
      KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb, RegistryEndpoint registry) throws Exception {
    Scenario scenario = ScenarioGenerator.generate(SEED, USERS, ScenarioGenerator.Format.REGISTRY);
    List<Scenario.Step> allSteps = scenario.steps();
    assertThat(allSteps).hasSizeGreaterThanOrEqualTo(5_000);
    Files.createDirectories(WORK);
    Path stateDir = WORK.resolve("state");
    deleteTree(stateDir);
    try (Stream<Path> logs = Files.list(WORK)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
        Files.delete(log);
      }
    }

    ChangeEventSerdes serdes =
        ChangeEventSerdes.registry(RegistrySettings.development(registry.url()));
    var userValues = serdes.userEvents().serializer();
    var emailValues = serdes.emailEvents().serializer();

    try (LiveStack stack = new LiveStack(kafka, dynamoDb);
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        KafkaProducer<byte[], byte[]> producer = stack.producer()) {
      Settings settings =
          stack.writerSettings(
              NAME,
              registry,
              stateDir.toAbsolutePath(),
              Map.of(
                  "kafka.commit.interval.ms", "500",
                  // A SIGKILLed member leaves the group only when its session expires (45 s by
                  // default); the broker's minimum keeps each recovery short.
                  "kafka.session.timeout.ms", "6000",
                  "kafka.heartbeat.interval.ms", "1500"));
      WriterSettings writerSettings = WriterSettings.from(settings);
      TopicNames topics = writerSettings.topics();
      String group = writerSettings.applicationId();
      stack.createTopics(3, topics.entity("user"), topics.entity("email"));
      Path settingsFile = WORK.resolve("writer.properties");
      writeProperties(settingsFile, settings.asMap());

      BooleanSupplier allConsumed = () -> GroupProgress.lag(admin, group, topics) == 0;
      long runStart = System.nanoTime();
      startIncarnation(settingsFile, 0L, allConsumed);

      AtomicInteger produced = new AtomicInteger();
      CompletableFuture<Void> chaos =
          CompletableFuture.runAsync(
              () ->
                  killRepeatedly(
                      settingsFile, produced, allSteps.size(), admin, group, topics, allConsumed));

      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (int phase = 0; phase < scenario.phases().size(); phase++) {
        long phaseStart = System.nanoTime();
        int sentInPhase = 0;
        for (Scenario.Step step : scenario.phases().get(phase)) {
          sent.add(producer.send(step.planned().record(topics, userValues, emailValues)));
          produced.incrementAndGet();
          pace(phaseStart, ++sentInPhase);
          if (chaos.isCompletedExceptionally()) {
            chaos.join();
          }
        }
        producer.flush();
        // The next phase depends on the cascades of this one: wait until all is consumed.
        int current = phase + 1;
        await(
            "phase " + current + " consumed",
            () -> chaos.isCompletedExceptionally() || GroupProgress.lag(admin, group, topics) == 0,
            progress(admin, group, topics, produced));
        LOG.info("phase {} consumed: {} records sent", current, produced.get());
      }
      await("all kills done", chaos::isDone, progress(admin, group, topics, produced));
      chaos.join();
      await(
          "all consumed",
          () -> GroupProgress.lag(admin, group, topics) == 0,
          progress(admin, group, topics, produced));
      double runSeconds = (System.nanoTime() - runStart) / 1e9;
      Incarnation last = incarnations.get(incarnations.size() - 1);
      await(
          "the last incarnation came up (see " + last.process.log() + ")",
          () -> !Double.isNaN(last.recoverySeconds),
          progress(admin, group, topics, produced));
      report(allSteps.size(), runSeconds);

      // Every incarnation but the last was SIGKILLed: exit code 128 + 9.
      assertThat(incarnations).hasSize(KILLS + 1);
      for (Incarnation killed : incarnations.subList(0, KILLS)) {
        assertThat(killed.exitCode).as("exit code of incarnation " + killed.number).isEqualTo(137);
      }

      // The table, item by item, absences included.
      var expectedItems =
          scenario.model().expectedItems(new EntityManager(writerSettings.entityConfig()));
      var actualItems = stack.scan(writerSettings.table());
      assertThat(actualItems.keySet()).isEqualTo(expectedItems.keySet());
      assertThat(actualItems).isEqualTo(expectedItems);

      // The dead letters: exactly the invalid and refused records, each once (read_committed).
      Map<String, String> expectedDeadLetters = new TreeMap<>();
      for (int i = 0; i < allSteps.size(); i++) {
        String reason = allSteps.get(i).expected().reason();
        if (reason != null) {
          RecordMetadata metadata = sent.get(i).get();
          expectedDeadLetters.put(DeadLetterSources.of(metadata), reason);
        }
      }
      List<ConsumerRecord<byte[], byte[]>> deadLetters =
          stack.readAll(topics.deadLetters(), expectedDeadLetters.size(), Duration.ofSeconds(30));
      Map<String, String> actualDeadLetters = new TreeMap<>();
      Map<String, Integer> copies = new TreeMap<>();
      for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
        String source = DeadLetterSources.of(record);
        actualDeadLetters.put(source, DeadLetterSources.reason(record));
        copies.merge(source, 1, Integer::sum);
      }
      LOG.info(
          "dead letters: {} expected, {} read_committed ({} sources twice or more); {} written in"
              + " all, the others in transactions aborted by the kills",
          expectedDeadLetters.size(),
          deadLetters.size(),
          copies.values().stream().filter(n -> n > 1).count(),
          countUncommitted(kafka, topics.deadLetters()));
      assertThat(actualDeadLetters).isEqualTo(expectedDeadLetters);
      assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
          .as("dead letters delivered more than once")
          .isEmpty();
      assertThat(deadLetters).hasSize(expectedDeadLetters.size());

      // The last incarnation still runs, and stops cleanly on SIGTERM.
      WriterProcess survivor = last.process;
      assertThat(survivor.ready()).isTrue();
      assertThat(survivor.sum("shardstream_writer_table_writes_rejected_total{").orElse(0))
          .isZero();
      int exit = survivor.stop(Duration.ofSeconds(40));
      assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
    }
  }

  /** Kills and restarts the writer {@link #KILLS} times, measuring each recovery. */
  private void killRepeatedly(
      Path settingsFile,
      AtomicInteger produced,
      int total,
      Admin admin,
      String group,
      TopicNames topics,
      BooleanSupplier allConsumed) {
    Random random = new Random(SEED);
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        int threshold = (int) (KILL_AT[kill] * total);
        Incarnation victim = incarnations.get(incarnations.size() - 1);
        await(
            "incarnation " + victim.number + " came up (see " + victim.process.log() + ")",
            () -> produced.get() >= threshold && victim.recoverySeconds >= 0,
            progress(admin, group, topics, produced));
        // A random moment of its work, 0.3-4.5 s after its first durable writes: mid-batch,
        // mid-flush or mid-commit, with a small or a large backlog.
        Thread.sleep(300 + random.nextInt(4200));
        victim.countedAtKill = victim.process.eventsCounted().orElse(-1);
        victim.lagAtKill = GroupProgress.lag(admin, group, topics);
        long killedAt = System.nanoTime();
        victim.exitCode = victim.process.kill();
        LOG.info(
            "SIGKILL #{}: incarnation {} (pid {}) after {} s, {} events counted, lag {}",
            kill + 1,
            victim.number,
            victim.process.pid(),
            String.format(Locale.ROOT, "%.1f", victim.process.ageSeconds()),
            victim.countedAtKill,
            victim.lagAtKill);
        startIncarnation(settingsFile, killedAt, allConsumed);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Starts the next incarnation and a watcher that notes when its ops server answers and when it
   * writes the table again (its first BatchWriteItem request done).
   */
  private void startIncarnation(
      Path settingsFile, long killOfPredecessorNanos, BooleanSupplier allConsumed) {
    int number = incarnations.size() + 1;
    WriterProcess process =
        WriterProcess.start(settingsFile, WORK.resolve("writer-" + number + ".log"), JVM);
    current = process;
    Incarnation incarnation =
        new Incarnation(
            number,
            process,
            killOfPredecessorNanos == 0 ? System.nanoTime() : killOfPredecessorNanos);
    incarnations.add(incarnation);
    Thread watcher =
        new Thread(
            () -> {
              long start = System.nanoTime();
              // No deadline of its own: the test's waits fail when this child stops progressing.
              while (process.isAlive()) {
                double age = (System.nanoTime() - start) / 1e9;
                if (Double.isNaN(incarnation.liveSeconds)
                    && process.status("/health/live") == 200) {
                  incarnation.liveSeconds = age;
                }
                if (Double.isNaN(incarnation.readySeconds) && process.ready()) {
                  incarnation.readySeconds = age;
                }
                // Recovered: writing the table again (or, rarely, nothing left to do).
                if (!Double.isNaN(incarnation.readySeconds)
                    && (process.sum(TABLE_REQUESTS).orElse(0) > 0
                        || process.eventsCounted().orElse(0) > 0
                        || allConsumed.getAsBoolean())) {
                  incarnation.firstWriteSeconds = age;
                  incarnation.recoverySeconds =
                      (System.nanoTime() - incarnation.killOfPredecessorNanos) / 1e9;
                  return;
                }
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "writer-" + number + "-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  private void report(int records, double runSeconds) {
    StringBuilder table = new StringBuilder();
    for (Incarnation i : incarnations) {
      table.append(
          String.format(
              Locale.ROOT,
              "%n  #%d pid %d: ops up %.1f s, first table write %.1f s after start; %s%s",
              i.number,
              i.process.pid(),
              i.liveSeconds,
              i.firstWriteSeconds,
              i.number == 1
                  ? "first start"
                  : String.format(
                      Locale.ROOT, "recovered %.1f s after the SIGKILL", i.recoverySeconds),
              i.exitCode == Integer.MIN_VALUE
                  ? " (survivor)"
                  : String.format(
                      Locale.ROOT,
                      ", killed with %d events counted, lag %d (exit %d)",
                      i.countedAtKill,
                      i.lagAtKill,
                      i.exitCode)));
    }
    List<Double> recoveries =
        incarnations.stream()
            .filter(i -> i.number > 1)
            .map(i -> i.recoverySeconds)
            .sorted()
            .toList();
    LOG.info(
        "crash test: {} records in {} s ({} events/s), {} kills, {} restarts; recovery after"
            + " SIGKILL min {} s, max {} s, mean {} s{}",
        records,
        String.format(Locale.ROOT, "%.1f", runSeconds),
        String.format(Locale.ROOT, "%.0f", records / runSeconds),
        incarnations.stream().filter(i -> i.exitCode != Integer.MIN_VALUE).count(),
        incarnations.size() - 1,
        String.format(Locale.ROOT, "%.1f", recoveries.get(0)),
        String.format(Locale.ROOT, "%.1f", recoveries.get(recoveries.size() - 1)),
        String.format(
            Locale.ROOT,
            "%.1f",
            recoveries.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
        table);
  }

  /** Data records of a topic read {@code read_uncommitted}: aborted transactions included. */
  private static long countUncommitted(KafkaEndpoint kafka, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_uncommitted",
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            2_000_000);
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long[] count = {0};
      // Reads to the end offsets while the positions advance.
      ProgressWait.until(
              "reading " + topic + " read_uncommitted to its end",
              () -> {
                count[0] += consumer.poll(Duration.ofMillis(200)).count();
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
              })
          .progress("positions", () -> partitions.stream().map(consumer::position).toList())
          .stallTimeout(STALL_TIMEOUT)
          .await();
      return count[0];
    }
  }

  /** Sleeps so that record {@code count} goes out no sooner than {@link #RATE} allows. */
  private static void pace(long startNanos, int count) throws InterruptedException {
    long due = startNanos + count * 1_000_000_000L / RATE;
    long wait = due - System.nanoTime();
    if (wait > 1_000_000) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private static void await(
      String description, BooleanSupplier condition, Supplier<List<Object>> progress) {
    ProgressWait.until(description, condition)
        .progress("lag, records sent, incarnations, current writer", progress)
        .stallTimeout(STALL_TIMEOUT)
        .await();
  }

  /**
   * What counts as the run moving: the consumer lag, the records sent, the incarnations started,
   * and the current child's own start-up (alive, its log growing) while it cannot move the lag yet.
   */
  private Supplier<List<Object>> progress(
      Admin admin, String group, TopicNames topics, AtomicInteger produced) {
    return () -> {
      WriterProcess child = current;
      return List.of(
          "lag " + GroupProgress.lag(admin, group, topics),
          "sent " + produced.get(),
          "incarnations " + incarnations.size(),
          ProgressWait.processStartup(child::isAlive, child.log()).get());
    };
  }

  private static void writeProperties(Path file, Map<String, String> values) throws IOException {
    Properties properties = new Properties();
    values.forEach(
        (key, value) -> {
          if (!value.isEmpty()) {
            properties.setProperty(key, value);
          }
        });
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "WriterCrashIT");
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Collections.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(path);
      }
    }
  }
}
