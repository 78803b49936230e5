package io.shardstream.queryapi;

import io.shardstream.core.query.TimeWindow;
import io.shardstream.queryapi.Timestamps.Bound;
import java.util.Optional;

/** A {@code ...From}/{@code ...To} pair of time parameters as an inclusive {@link TimeWindow}. */
final class Windows {
  private Windows() {}

  static TimeWindow read(QueryParameters parameters, String fromName, String toName) {
    Optional<Long> from = parameters.parsed(fromName, t -> Timestamps.parse(t, Bound.FROM));
    Optional<Long> to = parameters.parsed(toName, t -> Timestamps.parse(t, Bound.TO));
    if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
      parameters.error(fromName, "is after " + toName);
      return TimeWindow.ALL;
    }
    return new TimeWindow(from.orElse(Long.MIN_VALUE), to.orElse(Long.MAX_VALUE));
  }
}
