package io.shardstream.queryapi;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shardstream.service.Problem;
import io.shardstream.service.ProblemException;
import io.shardstream.service.ProblemRoutes;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * Bounded concurrency per instance ({@link Admission}): a {@code /v1} request takes a place before
 * anything else is done for it and gives it back once answered; without a place within the wait it
 * is answered 429 with {@code Retry-After}, counted in {@value #REJECTED}. Handlers run on virtual
 * threads, one per request with no pool to fill, so this gate and Jetty's connection limit are what
 * bound the work (and the memory) in progress. Health, metrics, the OpenAPI document and the
 * console are outside {@code /v1} and stay reachable under overload.
 */
final class RequestGate {
  static final String REJECTED = "shardstream.query.requests.rejected";
  static final String IN_PROGRESS = "shardstream.query.requests.inprogress";

  /** A client should retry after this many seconds: a request here lasts milliseconds. */
  static final String RETRY_AFTER_SECONDS = "1";

  private static final String PATHS = "/v1/*";
  private static final String HOLDS_PLACE = RequestGate.class.getName() + ".place";

  private final Admission admission;
  private final Set<String> selfBounded;
  private final Semaphore places;
  private final Counter rejected;

  /**
   * @param selfBounded paths that take no place: long-lived answers (a stream holds its request for
   *     as long as its client reads) that bound their own number
   */
  RequestGate(Admission admission, Set<String> selfBounded, MeterRegistry registry) {
    this.admission = admission;
    this.selfBounded = Set.copyOf(selfBounded);
    this.places = new Semaphore(admission.requests());
    this.rejected =
        Counter.builder(REJECTED)
            .description("requests refused with 429: the instance had no place for them")
            .register(registry);
    Gauge.builder(IN_PROGRESS, this, RequestGate::inProgress)
        .description("/v1 requests in progress (at most query.requests.max)")
        .register(registry);
  }

  /** The gate around {@code /v1}, its 429 answer, and Jetty's connection limit. */
  void install(JavalinConfig config) {
    config.jetty.modifyServer(
        server -> server.addBean(new NetworkConnectionLimit(admission.connections(), server)));
    config.routes.exception(Overloaded.class, RequestGate::refuse);
    config.routes.before(PATHS, this::enter);
    // After-handlers run whether the request succeeded or failed.
    config.routes.after(PATHS, this::leave);
  }

  int inProgress() {
    return admission.requests() - places.availablePermits();
  }

  private void enter(Context ctx) throws InterruptedException {
    if (selfBounded.contains(ctx.path())) {
      return;
    }
    boolean admitted =
        admission.queueWait().isZero()
            ? places.tryAcquire()
            : places.tryAcquire(admission.queueWait().toNanos(), TimeUnit.NANOSECONDS);
    if (!admitted) {
      rejected.increment();
      throw new Overloaded(admission.requests());
    }
    ctx.attribute(HOLDS_PLACE, Boolean.TRUE);
  }

  private void leave(Context ctx) {
    if (ctx.attribute(HOLDS_PLACE) != null) {
      ctx.attribute(HOLDS_PLACE, null);
      places.release();
    }
  }

  private static void refuse(Overloaded e, Context ctx) {
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    ProblemRoutes.respond(ctx, e.problem());
  }

  /** No place for the request. */
  static final class Overloaded extends ProblemException {
    private static final long serialVersionUID = 1L;

    Overloaded(int requests) {
      super(
          Problem.of(
              429,
              "Too Many Requests",
              "this instance is answering "
                  + requests
                  + " requests already; retry after "
                  + RETRY_AFTER_SECONDS
                  + " s"));
    }
  }
}
