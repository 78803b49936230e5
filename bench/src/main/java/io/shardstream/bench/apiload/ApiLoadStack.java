package io.shardstream.bench.apiload;

import io.shardstream.bench.BenchException;
import io.shardstream.bench.faults.FaultStack;
import io.shardstream.bench.faults.WriterFleet;
import io.shardstream.devstack.FileTrees;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.ChangeTopicNames;
import io.shardstream.ingest.ProgressDisplay;
import io.shardstream.ingest.RateLimiter;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.GenerateReport;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.ingest.generate.GeneratorRun;
import io.shardstream.ingest.kafka.KafkaEventSink;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.writer.WriterSettings;
import io.shardstream.writer.testing.GroupProgress;
import io.shardstream.writer.testing.LiveStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What {@code bench api-load} loads (its work directory is cleared first): the local stack's real
 * parts ({@link FaultStack}: the Kafka broker, DynamoDB Local in a process of its own, the Apicurio
 * registry), one writer as a child JVM, and a table it populated from generated users (no deletes,
 * so every user written stays to be looked up); and, while the clients run, the writer writing more
 * generated events.
 */
final class ApiLoadStack implements AutoCloseable {
  private static final String NAME = "api-load";
  private static final Duration STALL = Duration.ofSeconds(90);

  /**
   * @param users users written before the load starts
   * @param writeRate change events per second the writer gets during the load
   */
  record Options(int users, long seed, double writeRate, Path work) {}

  private final Options options;
  private final FaultStack stack;
  private final LiveStack live;
  private final WriterFleet writer;
  private final WriterSettings writerSettings;
  private final GroupProgress group;
  private final KafkaEventSink sink;
  private final Map<String, User> written = new ConcurrentHashMap<>();
  private final Consumer<String> progress;
  private volatile boolean stopWriting;
  private Thread liveWrites;
  private final AtomicLong writtenDuringLoad = new AtomicLong();

  private ApiLoadStack(Options options, FaultStack stack, Consumer<String> progress) {
    this.options = options;
    this.stack = stack;
    this.progress = progress;
    this.live = new LiveStack(stack.kafka(), stack.dynamoDb());
    Map<String, String> extra = Map.of("kafka.commit.interval.ms", "500");
    this.writerSettings =
        WriterSettings.from(live.writerSettings(NAME, stack.registry(), options.work(), extra));
    this.writer =
        new WriterFleet(
            options.work().resolve("writer"),
            stateDir -> live.writerSettings(NAME, stack.registry(), stateDir, extra).asMap());
    this.group =
        new GroupProgress(
            stack.kafka().bootstrapServers(),
            writerSettings.applicationId(),
            writerSettings.topics());
    this.sink =
        KafkaEventSink.create(
            Map.of("bootstrap.servers", stack.kafka().bootstrapServers()),
            ChangeEventSerdes.registry(RegistrySettings.development(stack.registryDirect().url())),
            new ChangeTopicNames(
                writerSettings.topics().entity("user"), writerSettings.topics().entity("email")));
  }

  /** Starts the parts and the writer, and writes the population; returns once the table has it. */
  static ApiLoadStack start(Options options, Consumer<String> progress) throws Exception {
    try {
      FileTrees.delete(options.work());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + options.work(), e);
    }
    progress.accept("starting Kafka, DynamoDB Local and the registry");
    FaultStack stack = FaultStack.start(options.work().resolve("data"));
    ApiLoadStack started = null;
    try {
      started = new ApiLoadStack(options, stack, progress);
      started.populate();
      return started;
    } finally {
      if (started == null) {
        stack.close();
      }
    }
  }

  private void populate() throws Exception {
    live.createTopics(3, writerSettings.topics().sources().toArray(String[]::new));
    progress.accept("starting the writer");
    writer.add();
    GeneratorOptions population =
        GeneratorOptions.defaults()
            .withUsers(options.users())
            .withSeed(options.seed())
            .withDeleteRate(0)
            .withOutOfOrderRate(0)
            .withInvalidRate(0)
            .withSource(NAME + "-population");
    progress.accept(
        "writing " + options.users() + " users (" + population.expectedEvents() + " events)");
    GenerateReport report =
        GeneratorRun.run(
            new Recorder(new EventGenerator(population)),
            population.expectedEvents(),
            sink,
            RateLimiter.unlimited(),
            ProgressDisplay.none());
    if (!report.succeeded()) {
      throw new BenchException("writing the population failed: " + report.failure());
    }
    ProgressWait.until("the writer wrote the population", () -> group.lag() == 0)
        .progress("lag, writer", () -> List.of(group.lag(), writer.startup()))
        .stallTimeout(STALL)
        .await();
    progress.accept("table " + writerSettings.table() + " holds " + written.size() + " users");
  }

  /** The writer gets new users (with their updates, deletes and emails) until {@link #stop}. */
  synchronized void startWriting(long seed) {
    if (liveWrites != null) {
      throw new IllegalStateException("already writing");
    }
    stopWriting = false;
    GeneratorOptions more =
        GeneratorOptions.defaults()
            .withUsers(10_000_000)
            .withSeed(seed)
            .withInvalidRate(0)
            .withSource(NAME + "-live-" + seed);
    Iterator<GeneratedEvent> events = new EventGenerator(more);
    Iterator<GeneratedEvent> untilStopped =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return !stopWriting && events.hasNext();
          }

          @Override
          public GeneratedEvent next() {
            writtenDuringLoad.incrementAndGet();
            return events.next();
          }
        };
    liveWrites =
        Thread.ofPlatform()
            .daemon()
            .name("api-load-writes")
            .start(
                () -> {
                  GenerateReport report =
                      GeneratorRun.run(
                          untilStopped,
                          0,
                          sink,
                          RateLimiter.perSecond(options.writeRate()),
                          ProgressDisplay.none());
                  if (!report.succeeded()) {
                    progress.accept("writing during the load failed: " + report.failure());
                  }
                });
  }

  /** Stops the writes of {@link #startWriting}; the events sent since it started. */
  synchronized long stopWriting() throws InterruptedException {
    stopWriting = true;
    if (liveWrites != null) {
      liveWrites.join();
      liveWrites = null;
    }
    return writtenDuringLoad.getAndSet(0);
  }

  /** The writer's lag now (records not yet written to the table). */
  long lag() {
    return group.lag();
  }

  /** Every user of the population in the state written last, by userId. */
  Map<String, User> written() {
    return Map.copyOf(written);
  }

  FaultStack parts() {
    return stack;
  }

  String table() {
    return writerSettings.table();
  }

  Path work() {
    return options.work();
  }

  @Override
  public void close() throws Exception {
    try {
      stopWriting();
      sink.close();
      group.close();
      writer.stopAll();
    } finally {
      writer.close();
      live.close();
      stack.close();
    }
  }

  /** Passes events through, keeping each user's last written state. */
  private final class Recorder implements Iterator<GeneratedEvent> {
    private final Iterator<GeneratedEvent> events;

    Recorder(Iterator<GeneratedEvent> events) {
      this.events = events;
    }

    @Override
    public boolean hasNext() {
      return events.hasNext();
    }

    @Override
    public GeneratedEvent next() {
      GeneratedEvent event = events.next();
      if (event.record() instanceof ChangeRecord.UserEventRecord change
          && change.event().getOp() == ChangeOp.UPSERT) {
        written.put(change.key(), change.event().getUser());
      }
      return event;
    }
  }
}
