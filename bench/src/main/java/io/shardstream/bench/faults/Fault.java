package io.shardstream.bench.faults;

import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.writer.testing.WriterProcess;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault scenarios: what each breaks, when, and how it brings the part back. Each runs while a
 * generated workload streams in (see {@link FaultRun}); {@link #inject} runs on a thread of its own
 * and ends once the fault is over and the writers have caught up with it.
 */
enum Fault {
  DYNAMODB_OUTAGE(
      "dynamodb-outage",
      "DynamoDB Local's process SIGKILLed mid-run, started again on the same data and port after"
          + " the outage; the writer backs off, reports not ready, recovers",
      CounterCheck.EXACT) {
    @Override
    void inject(FaultContext run) throws InterruptedException {
      run.awaitProduced(0.3);
      try (FaultContext.ReadinessWatch watch = run.watchReadiness()) {
        run.stack().killDynamoDb();
        run.note("DynamoDB Local killed");
        Thread.sleep(run.outage());
        run.stack().startDynamoDb();
        run.faultEnded("DynamoDB Local back");
        run.awaitRecovery();
        run.awaitAllReady();
      }
    }
  },

  REGISTRY_OUTAGE(
      "registry-outage",
      "the schema registry unreachable mid-run (its loopback proxy closed), and the writer"
          + " restarted meanwhile, so that it must look the schemas up while the registry is away",
      CounterCheck.AT_LEAST_ONCE) {
    @Override
    void inject(FaultContext run) throws InterruptedException {
      run.awaitProduced(0.3);
      try (FaultContext.ReadinessWatch watch = run.watchReadiness()) {
        run.stack().cutRegistry();
        run.note("registry unreachable");
        // A clean stop commits everything the instance processed: what it counted is exactly what
        // the group has committed of the source topics, so the counters still add up.
        int exit = run.fleet().stopOldest();
        run.countedByStoppedInstances(run.group().committedSources());
        run.note("writer 1 stopped (exit " + exit + "), writer 2 started without the registry");
        WriterProcess second = run.fleet().addWithoutWaiting();
        // The outage counts from the moment the new instance serves (its start takes a while).
        ProgressWait.until("writer 2 serves", () -> second.status("/health/live") == 200)
            .progress("its start-up", ProgressWait.processStartup(second::isAlive, second.log()))
            .await();
        Thread.sleep(run.outage());
        run.stack().restoreRegistry();
        run.faultEnded(
            "registry reachable; writer 2 replaced its stream thread "
                + FaultContext.linesContaining(second.log(), OUTAGE_HANDLED)
                + " times meanwhile");
        run.awaitRecovery();
        run.awaitAllReady();
      }
    }
  },

  BROKER_RESTART(
      "broker-restart",
      "the Kafka broker stopped mid-run and started again on the same log and port; the writer"
          + " and the producing side reconnect",
      CounterCheck.EXACT) {
    @Override
    void inject(FaultContext run) throws InterruptedException {
      run.awaitProduced(0.3);
      try (FaultContext.ReadinessWatch watch = run.watchReadiness()) {
        run.stack().stopKafka();
        run.note("broker stopped");
        run.stack().startKafka();
        run.faultEnded("broker started again");
        run.awaitRecovery();
        run.awaitAllReady();
      }
    }
  },

  WRITER_SCALE(
      "writer-scale",
      "the writer scaled 1 -> 3 -> 2 instances mid-run (standby replicas on), then one instance"
          + " SIGKILLed and started again as a supervisor would",
      CounterCheck.NONE) {
    @Override
    Map<String, String> settings() {
      return Map.of("kafka.num.standby.replicas", "1");
    }

    /** Each step waits for a JVM to start: a slower stream keeps records coming meanwhile. */
    @Override
    double rateShare() {
      return 0.25;
    }

    @Override
    void inject(FaultContext run) throws InterruptedException {
      run.awaitProduced(0.15);
      run.fleet().add();
      run.fleet().add();
      run.note("scaled 1 -> 3");
      run.awaitProduced(0.4);
      int exit = run.fleet().stopOldest();
      run.note("scaled 3 -> 2 (SIGTERM, exit " + exit + ")");
      run.awaitProduced(0.6);
      exit = run.fleet().killNewest();
      run.faultEnded("SIGKILL (exit " + exit + ")");
      run.fleet().add();
      run.note("killed instance replaced");
      run.awaitRecovery();
    }
  },

  QUERY_API_KILL(
      "query-api-kill",
      "the query API SIGKILLed under traffic mid-run and started again on the same port; clients"
          + " retry; at the end a walk of every page, with another SIGKILL after its first page,"
          + " must list the projection's users exactly, in order",
      CounterCheck.EXACT) {
    @Override
    void inject(FaultContext run) throws InterruptedException {
      run.awaitProduced(0.2);
      QueryApiUnderTraffic api = run.queryApiUnderTraffic();
      run.note("query API serving, clients walking its pages");
      run.awaitProduced(0.5);
      long killed = System.nanoTime();
      api.child().kill();
      run.faultEnded("query API SIGKILLed under traffic");
      api.child().start(api.client());
      ProgressWait.until(
              "a client answered by the new query API",
              () -> api.client().lastSuccessNanos() > killed)
          .progress("client requests", api.client()::requests)
          .await();
      run.recovered((api.client().lastSuccessNanos() - killed) / 1e9);
    }

    @Override
    ApiCheck check(FaultContext run, Map<String, Map<String, Object>> expected)
        throws InterruptedException {
      QueryApiUnderTraffic api = run.queryApiUnderTraffic();
      long walks = api.stopTraffic();
      Thread[] restart = new Thread[1];
      List<String> walked =
          api.client()
              .walkUsers(
                  api.child().baseUrl(),
                  20,
                  page -> {
                    if (page == 1) {
                      // The next page's request meets a dead port and is retried meanwhile.
                      restart[0] = api.killAndRestartInBackground();
                    }
                  });
      if (restart[0] != null) {
        restart[0].join();
      }
      run.note(
          String.format(
              Locale.ROOT,
              "query API: %d walks under traffic, %d requests, %d retried, %d wrong answers",
              walks,
              api.client().requests(),
              api.client().retries(),
              api.client().wrongAnswers()));
      return ApiCheck.compare(
          ApiCheck.expectedOrder(expected), walked, api.client().wrongAnswers());
    }
  };

  /** What the writer logs when its exception handler replaces a thread after an outage. */
  static final String OUTAGE_HANDLED = "stream thread failed on an outage";

  private final String id;
  private final String description;
  private final CounterCheck counterCheck;

  Fault(String id, String description, CounterCheck counterCheck) {
    this.id = id;
    this.description = description;
    this.counterCheck = counterCheck;
  }

  /** How the writers' event counters can be compared with the events sent. */
  enum CounterCheck {
    /** Every event counted exactly once, by the instance that committed it. */
    EXACT,
    /**
     * Every event counted, some twice: a stream thread replaced on an outage has counted the
     * records of its aborted transaction, which its replacement processes (and counts) again.
     */
    AT_LEAST_ONCE,
    /** Not comparable: a SIGKILLed instance takes its counts with it. */
    NONE
  }

  String id() {
    return id;
  }

  String description() {
    return description;
  }

  CounterCheck counterCheck() {
    return counterCheck;
  }

  /** Writer settings the scenario needs beyond the run's. */
  Map<String, String> settings() {
    return Map.of();
  }

  /** The share of the run's rate the workload is produced at. */
  double rateShare() {
    return 1.0;
  }

  abstract void inject(FaultContext run) throws InterruptedException;

  /**
   * Checks of the scenario's own once the run is over and the table verified ({@code expected}: the
   * projection's items by table key).
   */
  ApiCheck check(FaultContext run, Map<String, Map<String, Object>> expected)
      throws InterruptedException {
    return ApiCheck.NONE;
  }

  static Fault byId(String id) {
    for (Fault fault : values()) {
      if (fault.id.equals(id)) {
        return fault;
      }
    }
    throw new IllegalArgumentException(id);
  }

  /** How long an outage lasts unless told otherwise. */
  static final Duration DEFAULT_OUTAGE = Duration.ofSeconds(30);
}
