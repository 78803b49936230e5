package io.shardstream.bench.writer;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.report.Machine;
import io.shardstream.bench.report.chart.LineChart.Point;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.devstack.Component;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.DynamoDbStorage;
import io.shardstream.devstack.LocalStack;
import io.shardstream.devstack.LocalStackConfig;
import io.shardstream.devstack.LocalStackEndpoints;
import io.shardstream.dynamo.DynamoDbClients;
import io.shardstream.dynamo.table.TableDefinition;
import io.shardstream.dynamo.write.WriteOperation;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@code bench writer}, step by step: devstack (Kafka, DynamoDB Local, registry; free ports, in
 * memory) in this JVM; the events pre-produced to the source topics; the writer started as a child
 * process with its default settings and watched through {@code /metrics} until every event is
 * accounted for; then the same final items written straight with the {@code BatchWriter} to a fresh
 * table with the same indexes. Nothing else runs while either side is measured.
 */
final class WriterBenchmark {
  static final String APPLICATION_ID = "bench-writer";
  static final String WRITER_TABLE = "bench-writer";
  static final String RAW_TABLE = "bench-writer-raw";
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);

  /**
   * @param writerHeap the child's {@code -Xmx}
   * @param writerJvmOptions more options for the child JVM (experiments)
   * @param writerSettings writer settings over the defaults (experiments)
   * @param rawConcurrency BatchWriteItem requests in flight for the raw side; 0 = calibrate
   * @param runs writer and raw ceiling pairs measured back to back; the median ratio is reported
   * @param workDirectory the writer's settings file, state directory and log
   */
  record Settings(
      int events,
      long seed,
      int partitions,
      String writerHeap,
      List<String> writerJvmOptions,
      Map<String, String> writerSettings,
      int rawConcurrency,
      int runs,
      Path devstackDirectory,
      Path workDirectory) {}

  private final Settings settings;
  private final Consumer<String> progress;

  WriterBenchmark(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  WriterReport run() {
    long runStart = System.nanoTime();
    double loadAtStart = Machine.loadAverage();
    EntityConfig config = ConfigLoader.parse(ExampleConfigs.userEmail());
    progress.accept(String.format(Locale.ROOT, "generating %,d events ...", settings.events()));
    WriterWorkload workload = WriterWorkload.generate(settings.events(), settings.seed());

    progress.accept("starting devstack (Kafka, DynamoDB Local, registry) ...");
    Path work = settings.workDirectory().toAbsolutePath();
    prepare(work);
    try (LocalStack stack =
        LocalStack.start(
            LocalStackConfig.defaults()
                .withPort(Component.KAFKA, 0)
                .withPort(Component.DYNAMODB, 0)
                .withPort(Component.REGISTRY, 0)
                .withDynamoDbStorage(DynamoDbStorage.IN_MEMORY)
                .withDataDirectory(settings.devstackDirectory()))) {
      LocalStackEndpoints endpoints = stack.endpoints();
      createTopics(endpoints.kafkaBootstrapServers());
      WriterReport.Produce produce = produce(endpoints, workload);

      EntityManager entities = new EntityManager(config);
      List<WriteOperation> puts =
          workload.items(entities).stream()
              .map(item -> (WriteOperation) WriteOperation.putItem(item))
              .toList();
      try (DynamoDbClient client = client(endpoints.dynamoDb(), 32)) {
        RawCeiling raw = new RawCeiling(client, config, progress);
        // Before either side is measured: DynamoDB Local warms up (JIT, SQLite) on scratch tables.
        RawCeiling.Calibration calibration =
            raw.calibrate(puts, RAW_TABLE, settings.rawConcurrency());
        List<WriterReport.Run> runs = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
          runs.add(
              runOnce(new RunNames(run, settings.runs()), endpoints, work, raw, calibration, puts));
        }
        return new WriterReport(
            settings,
            workload.users(),
            workload.emails(),
            TableDefinition.fromConfig(RAW_TABLE, config).globalIndexes().size(),
            Machine.dynamoDbLocalVersion().orElse("2.6.1"),
            produce,
            runs,
            Machine.describe(loadAtStart, false),
            Duration.ofNanos(System.nanoTime() - runStart));
      }
    }
  }

  /**
   * What one run's parts are called: with several runs each has its own application id (so the
   * writer reads the topics from the start), tables, log and recording.
   */
  record RunNames(int run, int runs) {
    private String suffix() {
      return runs == 1 ? "" : "-" + run;
    }

    String applicationId() {
      return APPLICATION_ID + suffix();
    }

    String writerTable() {
      return WRITER_TABLE + suffix();
    }

    String rawTable() {
      return RAW_TABLE + suffix();
    }

    String file(String name, String extension) {
      return name + suffix() + "." + extension;
    }

    String describe() {
      return runs == 1 ? "" : "run " + run + " of " + runs + ": ";
    }
  }

  /**
   * The writer on a fresh table, its items counted; then the raw ceiling on another fresh table,
   * with DynamoDB Local to itself as the writer had it. Both tables are dropped after, so that
   * every run starts from the same state.
   */
  private WriterReport.Run runOnce(
      RunNames names,
      LocalStackEndpoints endpoints,
      Path work,
      RawCeiling raw,
      RawCeiling.Calibration calibration,
      List<WriteOperation> puts) {
    prepare(work);
    Map<String, String> writerSettings = writerSettings(endpoints, work, names);
    Path settingsFile = work.resolve(names.file("writer", "properties"));
    writeProperties(settingsFile, writerSettings);
    WriterRun writer = runWriter(settingsFile, work, puts.size(), names);

    long count = count(endpoints.dynamoDb(), names.writerTable());
    if (count != puts.size()) {
      throw new BenchException(
          "the writer's table holds "
              + count
              + " items, expected "
              + puts.size()
              + " (one per event): see "
              + writer.side().log());
    }
    progress.accept(
        String.format(
            Locale.ROOT, "%schecked: the table holds %,d items", names.describe(), count));
    raw.delete(names.writerTable());

    RawCeiling.Result rawResult = raw.measure(puts, names.rawTable(), calibration);
    raw.delete(names.rawTable());
    progress.accept(
        String.format(
            Locale.ROOT,
            "%sraw: %,d items in %.1f s = %,.0f items/s",
            names.describe(),
            rawResult.items(),
            rawResult.elapsed().toNanos() / 1e9,
            rawResult.itemsPerSecond()));
    WriterReport.Run run = new WriterReport.Run(writer.side(), rawResult, writer.split());
    progress.accept(
        String.format(
            Locale.ROOT,
            "%sratio %.2f; %s",
            names.describe(),
            run.ratio(),
            writer.split().describe()));
    return run;
  }

  /** The writer's side of one run and where its time went. */
  private record WriterRun(WriterReport.WriterSide side, TimeSplit split) {}

  // ---- producing ------------------------------------------------------------------------------

  private void createTopics(String bootstrap) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.USERS.name(), settings.partitions(), (short) 1),
                  new NewTopic(Topics.EMAILS.name(), settings.partitions(), (short) 1)))
          .all()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new BenchException("cannot create the source topics: " + e.getMessage(), e);
    }
  }

  private WriterReport.Produce produce(LocalStackEndpoints endpoints, WriterWorkload workload) {
    progress.accept(
        String.format(
            Locale.ROOT,
            "producing %,d events (%,d users, %,d emails) before the writer starts ...",
            workload.events(),
            workload.users(),
            workload.emails()));
    long start = System.nanoTime();
    try (KafkaEventSink sink =
        KafkaEventSink.create(
            Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
            ChangeEventSerdes.registry(RegistrySettings.development(endpoints.registryUrl())))) {
      List<CompletableFuture<Void>> sent = new ArrayList<>(workload.events());
      for (ChangeRecord record : workload.records()) {
        sent.add(sink.send(record));
      }
      sink.flush();
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new BenchException("producing the events failed: " + e.getMessage(), e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    progress.accept(
        String.format(
            Locale.ROOT,
            "produced in %.1f s (%,.0f events/s)",
            elapsed.toNanos() / 1e9,
            workload.events() / (elapsed.toNanos() / 1e9)));
    return new WriterReport.Produce(elapsed);
  }

  // ---- the writer -----------------------------------------------------------------------------

  private Map<String, String> writerSettings(
      LocalStackEndpoints endpoints, Path work, RunNames names) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("application.id", names.applicationId());
    values.put("kafka.bootstrap.servers", endpoints.kafkaBootstrapServers());
    values.put("kafka.state.dir", work.resolve("state").toString());
    values.put("registry.url", endpoints.registryUrl().toString());
    values.put("dynamodb.endpoint", endpoints.dynamoDbUrl().toString());
    values.put("dynamodb.region", DynamoDbEndpoint.REGION);
    values.put("dynamodb.table", names.writerTable());
    values.put("http.host", "127.0.0.1");
    values.putAll(settings.writerSettings());
    return values;
  }

  private WriterRun runWriter(Path settingsFile, Path work, int events, RunNames names) {
    Path log = work.resolve(names.file("writer", "log"));
    // Flight Recorder's default settings (CPU samples every 20 ms, about 1 % overhead), for the
    // split of the stream thread's CPU; written when the writer exits.
    Path recording = work.resolve(names.file("writer", "jfr"));
    deleteIfExists(recording);
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx" + settings.writerHeap());
    jvm.addAll(settings.writerJvmOptions());
    progress.accept(
        names.describe() + "starting the writer (child JVM " + String.join(" ", jvm) + ") ...");
    jvm.add("-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true");
    long launch = System.nanoTime();
    try (WriterChild child = WriterChild.start(settingsFile, log, jvm)) {
      long firstWrite = 0;
      long lastChange = launch;
      long counted = 0;
      long peakHeap = 0;
      long peakRss = 0;
      long step = Math.max(1, events / 10);
      PrometheusText last = null;
      List<Point> accounted = new ArrayList<>(List.of(new Point(0, 0)));
      StringBuilder timeline =
          new StringBuilder(
              "seconds,events,flushes,flush_failures,requests,retries,heap_bytes,rss_bytes\n");
      while (counted < events) {
        if (!child.isAlive()) {
          throw new BenchException(
              "the writer process ended before it wrote every event: see " + child.log());
        }
        sleep(SAMPLE_EVERY);
        long now = System.nanoTime();
        var text = child.metrics();
        if (text.isEmpty()) {
          if (now - lastChange > STALL_TIMEOUT.toNanos()) {
            throw new BenchException("the writer did not come up: see " + child.log());
          }
          continue;
        }
        last = PrometheusText.parse(text.get());
        long before = counted;
        counted = Math.round(last.sum("shardstream_writer_events_total"));
        accounted.add(new Point((now - launch) / 1e9, counted));
        peakHeap = Math.max(peakHeap, heapUsed(last));
        long rss = child.procStatus("VmRSS").orElse(0);
        peakRss = Math.max(peakRss, rss);
        timeline.append(
            String.format(
                Locale.ROOT,
                "%.2f,%d,%d,%d,%d,%d,%d,%d%n",
                (now - launch) / 1e9,
                counted,
                Math.round(last.sum("shardstream_writer_table_flush_seconds_count")),
                Math.round(last.sum("shardstream_writer_table_flush_failures_total")),
                Math.round(last.sum("shardstream_writer_dynamodb_requests_seconds_count")),
                Math.round(last.sum("shardstream_writer_dynamodb_retries_total")),
                heapUsed(last),
                rss));
        if (firstWrite == 0 && last.sum("shardstream_writer_dynamodb_requests_seconds_count") > 0) {
          firstWrite = now;
          progress.accept(
              String.format(
                  Locale.ROOT, "first table write %.1f s after launch", (now - launch) / 1e9));
        }
        if (counted != before) {
          lastChange = now;
          if (counted / step > before / step && counted < events) {
            progress.accept(
                String.format(
                    Locale.ROOT,
                    "%,d of %,d events accounted (%,.0f events/s since launch)",
                    counted,
                    events,
                    counted / ((now - launch) / 1e9)));
          }
        } else if (now - lastChange > STALL_TIMEOUT.toNanos()) {
          throw new BenchException(
              "the writer made no progress for "
                  + STALL_TIMEOUT.toSeconds()
                  + " s at "
                  + counted
                  + " of "
                  + events
                  + " events: see "
                  + child.log());
        }
      }
      long done = System.nanoTime();
      writeText(work.resolve(names.file("writer-timeline", "csv")), timeline.toString());
      Map<String, Double> outcomes = last.sumBy("shardstream_writer_events_total", "outcome");
      long rssAtEnd = child.procStatus("VmRSS").orElse(0);
      long rssPeak = Math.max(peakRss, child.procStatus("VmHWM").orElse(0));
      boolean gc = child.fullGc();
      String finalMetrics = child.metrics().orElse("");
      writeText(work.resolve(names.file("writer-metrics", "txt")), finalMetrics);
      PrometheusText afterGc = finalMetrics.isEmpty() ? last : PrometheusText.parse(finalMetrics);
      long heapAfterGc =
          gc ? heapUsed(afterGc) : Math.round(afterGc.sum("jvm_gc_live_data_size_bytes"));
      long heapMax =
          Math.round(
              afterGc.sum(
                  "jvm_memory_max_bytes",
                  labels ->
                      "heap".equals(labels.get("area"))
                          && !labels.getOrDefault("id", "").contains("Eden")
                          && !labels.getOrDefault("id", "").contains("Survivor")));
      if (heapMax <= 0) {
        heapMax =
            Math.round(afterGc.sum("jvm_memory_max_bytes", l -> "heap".equals(l.get("area"))));
      }
      WriterReport.WriterSide side =
          new WriterReport.WriterSide(
              events,
              outcomes,
              Duration.ofNanos(done - launch),
              Duration.ofNanos(firstWrite - launch),
              Duration.ofNanos(done - firstWrite),
              Math.round(afterGc.sum("shardstream_writer_table_flush_seconds_count")),
              Math.round(afterGc.sum("shardstream_writer_table_flush_operations_sum")),
              Math.round(afterGc.sum("shardstream_writer_dynamodb_requests_seconds_count")),
              Math.round(afterGc.sum("shardstream_writer_dynamodb_retries_total")),
              Math.round(afterGc.sum("shardstream_writer_dynamodb_unprocessed_total")),
              heapAfterGc,
              gc ? "after a full GC (jcmd GC.run)" : "live data after the last major GC",
              peakHeap,
              heapMax,
              rssAtEnd,
              rssPeak,
              settings.writerHeap(),
              log,
              accounted);
      progress.accept(
          String.format(
              Locale.ROOT,
              "%,d events in %.1f s from launch = %,.0f events/s; heap %s MiB after GC,"
                  + " RSS %s MiB",
              events,
              side.elapsed().toNanos() / 1e9,
              side.eventsPerSecond(),
              WriterReport.mib(heapAfterGc),
              WriterReport.mib(rssAtEnd)));
      int exit = child.stop(Duration.ofSeconds(60));
      if (exit != 0 && exit != 143) {
        progress.accept("the writer exited with " + exit + " after SIGTERM (see " + log + ")");
      }
      return new WriterRun(side, TimeSplit.of(side.steady(), afterGc, recording));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }

  private static long heapUsed(PrometheusText metrics) {
    return Math.round(metrics.sum("jvm_memory_used_bytes", l -> "heap".equals(l.get("area"))));
  }

  // ---- DynamoDB -------------------------------------------------------------------------------

  static DynamoDbClient client(DynamoDbEndpoint endpoint, int connections) {
    return DynamoDbClients.create(
        DynamoDbClients.Settings.defaults()
            .withMaxConnections(connections)
            .withLocalEndpoint(
                endpoint.url(),
                DynamoDbEndpoint.REGION,
                DynamoDbEndpoint.ACCESS_KEY_ID,
                DynamoDbEndpoint.SECRET_ACCESS_KEY)
            // The BatchWriter retries itself, as in the writer.
            .withoutSdkRetries());
  }

  /** Counts the table's items in small pages, which a busy DynamoDB Local answers in time. */
  private static long count(DynamoDbEndpoint endpoint, String table) {
    DynamoDbClients.Settings local =
        DynamoDbClients.Settings.defaults()
            .withLocalEndpoint(
                endpoint.url(),
                DynamoDbEndpoint.REGION,
                DynamoDbEndpoint.ACCESS_KEY_ID,
                DynamoDbEndpoint.SECRET_ACCESS_KEY);
    try (DynamoDbClient client =
        DynamoDbClients.create(
            new DynamoDbClients.Settings(
                local.endpoint(),
                local.region(),
                local.credentials(),
                2,
                local.connectionTimeout(),
                Duration.ofMinutes(5),
                true))) {
      long count = 0;
      for (ScanResponse page :
          client.scanPaginator(b -> b.tableName(table).select(Select.COUNT).limit(2_000))) {
        count += page.count();
      }
      return count;
    }
  }

  // ---- files ----------------------------------------------------------------------------------

  private static void prepare(Path work) {
    try {
      Files.createDirectories(work);
      Path state = work.resolve("state");
      if (Files.exists(state)) {
        try (Stream<Path> paths = Files.walk(state)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + work, e);
    }
  }

  private static void writeProperties(Path file, Map<String, String> values) {
    Properties properties = new Properties();
    values.forEach(properties::setProperty);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "shardstream bench writer");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }

  private static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
