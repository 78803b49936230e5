package io.shardstream.writer.stage;

import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.schemas.serde.DecodeResult;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.check.Rejection;
import io.shardstream.writer.dlq.RefusedRecord;
import io.shardstream.writer.event.SourceRecord;
import java.util.function.Function;

/**
 * The first steps both event stages take with a source record: decode it (a registry outage fails
 * the stream thread instead of dead-lettering, see {@link RegistryOutageException}), then validate
 * it. What comes out is either a valid change for the stage's own rules, or the dead letter that
 * stands for the record.
 *
 * @param <E> the Avro event type
 * @param <C> the validated change
 */
final class EventIntake<E, C> {

  /** A stage's validator: the record's key and timestamp take part in the rules. */
  @FunctionalInterface
  interface Validator<E, C> {
    Checked<C> check(String recordKey, E event, long recordTimestamp);
  }

  /** A valid change, or the record's dead letter. */
  sealed interface ChangeOrDeadLetter<C> {
    record Valid<C>(C change) implements ChangeOrDeadLetter<C> {}

    record Refused<C>(RefusedRecord deadLetter) implements ChangeOrDeadLetter<C> {}
  }

  private final ChangeEventDecoder<E> decoder;
  private final Validator<E, C> validator;
  private final Function<E, Object> eventId;

  EventIntake(
      ChangeEventDecoder<E> decoder, Validator<E, C> validator, Function<E, Object> eventId) {
    this.decoder = decoder;
    this.validator = validator;
    this.eventId = eventId;
  }

  ChangeOrDeadLetter<C> take(SourceRecord source, String recordKey, long recordTimestamp) {
    switch (decode(source)) {
      case DecodeResult.Failed<E> failed -> {
        return new ChangeOrDeadLetter.Refused<>(
            new RefusedRecord(
                source, Rejection.undecodable(failed.failure(), failed.detail()), null));
      }
      case DecodeResult.Ok<E> ok -> {
        E event = ok.event();
        return switch (validator.check(recordKey, event, recordTimestamp)) {
          case Checked.Rejected<C> rejected ->
              new ChangeOrDeadLetter.Refused<>(
                  new RefusedRecord(
                      source, rejected.rejection(), String.valueOf(eventId.apply(event))));
          case Checked.Ok<C> valid -> new ChangeOrDeadLetter.Valid<>(valid.value());
        };
      }
    }
  }

  private DecodeResult<E> decode(SourceRecord source) {
    try {
      return decoder.decode(source.topic(), source.value());
    } catch (SchemaRegistryUnavailableException e) {
      throw new RegistryOutageException(e);
    }
  }
}
