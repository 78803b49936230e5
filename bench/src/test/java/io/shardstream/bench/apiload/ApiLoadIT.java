package io.shardstream.bench.apiload;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.queryapi.Admission;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bench api-load}, short, on the real parts (Kafka broker, DynamoDB Local's own process, the
 * Apicurio registry; the writer and the query API as child JVMs): clients within the API's limits
 * get every answer right and no 5xx; more clients than places get 429s, still no 5xx and no error.
 * The stack's set-up waits on progress (the writer's lag), failing only when nothing moves. Logs of
 * the child processes go to {@code target/api-load-it/}.
 */
class ApiLoadIT {
  /**
   * Requests the clients serve before they stop (however long that takes here: the run waits on
   * progress, and fails when nothing is served for minutes).
   */
  private static final long MIN_SERVED = 40;

  private static ApiLoadStack stack;
  private static ApiLoadBenchmark benchmark;

  @BeforeAll
  static void start() throws Exception {
    stack =
        ApiLoadStack.start(
            new ApiLoadStack.Options(
                200, 42L, 20, Path.of("target", "api-load-it").toAbsolutePath()),
            line -> System.out.println("api-load: " + line));
    benchmark = new ApiLoadBenchmark(stack, line -> System.out.println("api-load: " + line));
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private static ApiLoadReport run(ApiLoadBenchmark.Load load, long seed) throws Exception {
    ApiLoadReport report = benchmark.run(load, seed);
    report.details().forEach(System.out::println);
    System.out.println(report.line());
    return report;
  }

  @Test
  void clientsWithinTheLimitsGetEveryAnswerRightWhileTheWriterWrites() throws Exception {
    ApiLoadReport report =
        run(
            new ApiLoadBenchmark.Load(
                8,
                Duration.ofSeconds(5),
                Admission.DEFAULT_REQUESTS,
                Admission.DEFAULT_WAIT,
                MIN_SERVED),
            1);

    assertThat(report.errors()).as(report.details().toString()).isZero();
    assertThat(report.serverErrors()).isZero();
    assertThat(report.rejected()).as("8 clients never fill 64 places").isZero();
    assertThat(report.served()).isGreaterThanOrEqualTo(MIN_SERVED);
    assertThat(report.servedByOperation().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(report.served());
    assertThat(report.latencyNanos()).hasSize((int) report.served());
    assertThat(report.line())
        .matches(
            "api-load: 8 clients, \\d+ req/s, p50 \\d+\\.\\d ms, p99 \\d+\\.\\d ms, errors 0,"
                + " 5xx 0");
    assertThat(report.heap().maxUsedBytes()).isPositive();
    assertThat(report.heap().afterGcBytes()).isPositive();
    assertThat(report.heap().maxBytes()).isGreaterThanOrEqualTo(report.heap().maxUsedBytes());
    assertThat(report.writtenDuringLoad()).as("the writer got events during the load").isPositive();
  }

  @Test
  void moreClientsThanPlacesAre429dNeverAnsweredWith5xx() throws Exception {
    ApiLoadReport report =
        run(new ApiLoadBenchmark.Load(24, Duration.ofSeconds(5), 2, Duration.ZERO, 1), 2);

    assertThat(report.rejected()).as(report.details().toString()).isPositive();
    assertThat(report.serverErrors()).isZero();
    assertThat(report.errors()).isZero();
    assertThat(report.served()).isPositive();
  }
}
