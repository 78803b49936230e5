package io.shardstream.writer.check;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of one step of the pipeline: a value to go on with, or a {@link Rejection} that sends
 * the event to the dead-letter topic. Rejections are ordinary values, not exceptions, so every step
 * says in its type that it can reject, and the processors route them with one {@code switch}.
 */
public sealed interface Checked<T> {

  static <T> Checked<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Checked<T> rejected(Rejection rejection) {
    return new Rejected<>(rejection);
  }

  /** The next step, run only when this one passed. */
  <U> Checked<U> then(Function<? super T, Checked<U>> next);

  record Ok<T>(T value) implements Checked<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <U> Checked<U> then(Function<? super T, Checked<U>> next) {
      return next.apply(value);
    }
  }

  record Rejected<T>(Rejection rejection) implements Checked<T> {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }

    @Override
    public <U> Checked<U> then(Function<? super T, Checked<U>> next) {
      return new Rejected<>(rejection);
    }
  }
}
