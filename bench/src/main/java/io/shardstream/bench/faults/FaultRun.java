package io.shardstream.bench.faults;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.Settings;
import io.shardstream.writer.TopicNames;
import io.shardstream.writer.WriterSettings;
import io.shardstream.writer.testing.DeadLetterSources;
import io.shardstream.writer.testing.GroupProgress;
import io.shardstream.writer.testing.LiveStack;
import io.shardstream.writer.testing.Scenario;
import io.shardstream.writer.testing.ScenarioGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One fault scenario from start to verdict. The writer's own test workload (ScenarioGenerator:
 * users and emails with updates, deletes and cascades, duplicates, records out of order, invalid
 * and refused records) is produced at a steady rate in its phases, the writers run as child JVMs,
 * and the {@link Fault} strikes on a thread of its own part way through. Once the group has
 * committed everything, the table is compared item by item with the reference model's projection,
 * the dead-letter topic ({@code read_committed}) with the records the model says are invalid or
 * refused, and the writers' event counters with the records produced.
 */
final class FaultRun {

  /**
   * @param users users of the generated workload (about 7 records each)
   * @param rate records per second the producing side sends
   * @param outage how long an outage lasts
   */
  record Options(int users, long seed, int rate, Duration outage, Path workDirectory) {
    Options {
      Objects.requireNonNull(outage, "outage");
      Objects.requireNonNull(workDirectory, "workDirectory");
    }
  }

  /** Writer events counted by every instance (all outcomes). */
  private static final String EVENTS_COUNTED = "shardstream_writer_events_total{";

  private static final Duration DEAD_LETTER_QUIET = Duration.ofSeconds(30);

  private final FaultStack stack;
  private final Options options;
  private final Consumer<String> progress;

  FaultRun(FaultStack stack, Options options, Consumer<String> progress) {
    this.stack = stack;
    this.options = options;
    this.progress = progress;
  }

  FaultResult run(Fault fault) throws Exception {
    String name = "faults-" + fault.id();
    Path work = options.workDirectory().resolve(fault.id());
    Map<String, String> extra = new HashMap<>();
    extra.put("kafka.commit.interval.ms", "500");
    // A SIGKILLed member leaves the group only when its session expires (45 s by default).
    extra.put("kafka.session.timeout.ms", "6000");
    extra.put("kafka.heartbeat.interval.ms", "1500");
    extra.putAll(fault.settings());

    Scenario scenario =
        ScenarioGenerator.generate(
            options.seed(), options.users(), ScenarioGenerator.Format.REGISTRY);
    List<Scenario.Step> steps = scenario.steps();
    ChangeEventSerdes serdes =
        ChangeEventSerdes.registry(RegistrySettings.development(stack.registryDirect().url()));
    Serializer<UserChangeEvent> userValues = serdes.userEvents().serializer();
    Serializer<EmailChangeEvent> emailValues = serdes.emailEvents().serializer();

    try (LiveStack live = new LiveStack(stack.kafka(), stack.dynamoDb());
        WriterFleet fleet =
            new WriterFleet(work, stateDir -> settings(live, name, stateDir, extra).asMap());
        KafkaProducer<byte[], byte[]> producer = live.producer()) {
      WriterSettings writerSettings = WriterSettings.from(settings(live, name, work, extra));
      TopicNames topics = writerSettings.topics();
      live.createTopics(3, topics.sources().toArray(String[]::new));
      try (GroupProgress group =
          new GroupProgress(
              stack.kafka().bootstrapServers(), writerSettings.applicationId(), topics)) {
        progress.accept(fault.id() + ": " + fault.description());
        fleet.add();
        AtomicInteger produced = new AtomicInteger();
        FaultContext context =
            new FaultContext(
                writerSettings.table(),
                work,
                stack,
                fleet,
                group,
                options.outage(),
                produced,
                steps.size(),
                line -> progress.accept(fault.id() + ": " + line));
        CompletableFuture<Void> strike = new CompletableFuture<>();
        Thread.ofPlatform()
            .name("fault-" + fault.id())
            .start(
                () -> {
                  try {
                    fault.inject(context);
                    strike.complete(null);
                  } catch (Throwable e) {
                    strike.completeExceptionally(e);
                  }
                });

        double rate = Math.max(1, options.rate() * fault.rateShare());
        List<Future<RecordMetadata>> sent =
            produce(
                rate,
                scenario,
                topics,
                producer,
                userValues,
                emailValues,
                produced,
                group,
                fleet,
                context,
                strike);
        await("the fault is over", strike::isDone, group, produced, fleet, context);
        join(strike);
        await("everything consumed", () -> group.lag() == 0, group, produced, fleet, context);

        try {
          return verify(fault, scenario, steps, sent, live, writerSettings, fleet, context);
        } finally {
          context.close();
          List<Integer> exits = fleet.stopAll();
          progress.accept(fault.id() + ": writers stopped, exit codes " + exits);
        }
      }
    }
  }

  /** Sends the phases at the rate; before each next phase, waits until all is consumed. */
  private List<Future<RecordMetadata>> produce(
      double rate,
      Scenario scenario,
      TopicNames topics,
      KafkaProducer<byte[], byte[]> producer,
      Serializer<UserChangeEvent> userValues,
      Serializer<EmailChangeEvent> emailValues,
      AtomicInteger produced,
      GroupProgress group,
      WriterFleet fleet,
      FaultContext context,
      CompletableFuture<Void> strike)
      throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int phase = 0; phase < scenario.phases().size(); phase++) {
      long phaseStart = System.nanoTime();
      int sentInPhase = 0;
      for (Scenario.Step step : scenario.phases().get(phase)) {
        sent.add(producer.send(step.planned().record(topics, userValues, emailValues)));
        produced.incrementAndGet();
        pace(phaseStart, ++sentInPhase, rate);
        if (strike.isCompletedExceptionally()) {
          join(strike);
        }
      }
      producer.flush();
      // The next phase depends on this one's cascades: wait until everything is consumed.
      await(
          "phase " + (phase + 1) + " consumed",
          () -> strike.isCompletedExceptionally() || group.lag() == 0,
          group,
          produced,
          fleet,
          context);
      if (strike.isCompletedExceptionally()) {
        join(strike);
      }
    }
    return sent;
  }

  private FaultResult verify(
      Fault fault,
      Scenario scenario,
      List<Scenario.Step> steps,
      List<Future<RecordMetadata>> sent,
      LiveStack live,
      WriterSettings writerSettings,
      WriterFleet fleet,
      FaultContext context)
      throws Exception {
    // The table, item by item, absences included.
    Map<String, Map<String, Object>> expected =
        scenario.model().expectedItems(new EntityManager(writerSettings.entityConfig()));
    Map<String, Map<String, Object>> actual = live.scan(writerSettings.table());
    long lost = expected.keySet().stream().filter(key -> !actual.containsKey(key)).count();
    long duplicated = actual.keySet().stream().filter(key -> !expected.containsKey(key)).count();
    long stale =
        expected.entrySet().stream()
            .filter(e -> actual.containsKey(e.getKey()))
            .filter(e -> !actual.get(e.getKey()).equals(e.getValue()))
            .count();

    ApiCheck own = fault.check(context, expected);
    lost += own.lost();
    duplicated += own.duplicated();
    stale += own.stale();

    // The dead letters: exactly the invalid and refused records, each once.
    Map<String, String> expectedLetters = new TreeMap<>();
    for (int i = 0; i < steps.size(); i++) {
      String reason = steps.get(i).expected().reason();
      if (reason != null) {
        RecordMetadata metadata = sent.get(i).get(1, TimeUnit.MINUTES);
        expectedLetters.put(DeadLetterSources.of(metadata), reason);
      }
    }
    List<ConsumerRecord<byte[], byte[]>> letters =
        live.readAll(
            writerSettings.topics().deadLetters(), expectedLetters.size(), DEAD_LETTER_QUIET);
    Map<String, Integer> copies = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      String source = DeadLetterSources.of(letter);
      int copy = copies.merge(source, 1, Integer::sum);
      String reason = expectedLetters.get(source);
      if (reason == null || copy > 1) {
        duplicated++;
      } else if (!reason.equals(DeadLetterSources.reason(letter))) {
        stale++;
      }
    }
    lost += expectedLetters.keySet().stream().filter(s -> !copies.containsKey(s)).count();

    // The counters, as the scenario allows them to be compared (Fault.CounterCheck).
    long counted = fleet.sum(EVENTS_COUNTED) + context.countedByStoppedInstances();
    String counters = "counted " + counted + " of " + steps.size() + " events";
    boolean countersAddUp =
        switch (fault.counterCheck()) {
          case EXACT -> counted == steps.size();
          case AT_LEAST_ONCE -> counted >= steps.size();
          case NONE -> true;
        };
    if (fault.counterCheck() == Fault.CounterCheck.AT_LEAST_ONCE) {
      counters += " (at least once: a replaced stream thread counts its aborted records again)";
    } else if (fault.counterCheck() == Fault.CounterCheck.NONE) {
      counters =
          "not comparable: a SIGKILLed instance takes its counts with it (the survivors counted "
              + counted
              + ")";
    }
    progress.accept(
        String.format(
            "%s: table %d items (%d expected), dead letters %d read (%d expected), %s",
            fault.id(),
            actual.size(),
            expected.size(),
            letters.size(),
            expectedLetters.size(),
            counters));
    return new FaultResult(
        fault.id(),
        context.recoveredSeconds(),
        steps.size(),
        lost,
        duplicated,
        stale,
        counters,
        countersAddUp,
        context.notReadySeen(),
        context.notes());
  }

  /** The writer's settings: the run's topics and table, the registry through its proxy. */
  private Settings settings(LiveStack live, String name, Path stateDir, Map<String, String> extra) {
    return live.writerSettings(name, stack.registry(), stateDir, extra);
  }

  private void await(
      String description,
      BooleanSupplier condition,
      GroupProgress group,
      AtomicInteger produced,
      WriterFleet fleet,
      FaultContext context) {
    ProgressWait.until(description, condition)
        .progress(
            "lag, records sent, the fault's state, writers",
            () -> List.of(group.lag(), produced.get(), context.state(), fleet.startup()))
        .stallTimeout(Duration.ofSeconds(90))
        .await();
  }

  /** Sleeps so that record {@code count} goes out no sooner than the rate allows. */
  private static void pace(long startNanos, int count, double rate) throws InterruptedException {
    long due = startNanos + (long) (count * 1e9 / rate);
    long wait = due - System.nanoTime();
    if (wait > 1_000_000) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private static void join(CompletableFuture<Void> strike) throws Exception {
    try {
      strike.get();
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case Exception cause -> throw cause;
        case Error error -> throw error;
        default -> throw e;
      }
    }
  }
}
