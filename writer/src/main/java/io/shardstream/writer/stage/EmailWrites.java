package io.shardstream.writer.stage;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.writer.event.EmailEventValidator;
import io.shardstream.writer.item.KeyedItem;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.sink.TableSinkStore;
import io.shardstream.writer.state.EmailState;

/** The table writes of the email stage, from states the stage holds. */
final class EmailWrites {
  private final TableItems items;

  EmailWrites(TableItems items) {
    this.items = items;
  }

  void put(KeyedItem item, TableSinkStore sink, String origin) {
    sink.add(items.put(item), origin);
  }

  /**
   * Writes the address's current state again: its item when it lives, a delete when it does not.
   *
   * <p>Why: Kafka Streams may interleave {@code emails.changes} and the cascade topic differently
   * when a task processes records again after a failed commit, and a decision that changed the
   * table in the failed attempt (say, a claim accepted before a cascade) may be a no-op in the
   * committed one (claim refused after the cascade). If every email record the stage handles ends
   * with a write of the address's resulting state, the last write of every address comes from the
   * committed attempt, and the table converges to the committed state.
   */
  void current(EmailState state, TableSinkStore sink, String origin) {
    if (state == null) {
      return;
    }
    if (state.live()) {
      sink.add(
          items.put(
              TableItems.knownValid(
                  items.keyed(
                      TableItems.EMAIL,
                      EmailEventValidator.item(state.email(), state.userId(), state.created())))),
          origin);
    } else {
      deleteItem(state, sink, origin);
    }
  }

  /** Deletes the item of {@code state} (from every shard when its creation time is unknown). */
  void deleteItem(EmailState state, TableSinkStore sink, String origin) {
    if (state.created() != null) {
      sink.add(items.delete(key(state.email(), state.created())), origin);
    } else {
      deleteAnywhere(state.email(), sink, origin);
    }
  }

  /** Deletes the address's item from every shard it can be in (its creation time is unknown). */
  void deleteAnywhere(String email, TableSinkStore sink, String origin) {
    for (PrimaryKey key : TableItems.knownValid(items.candidateKeys(TableItems.EMAIL, email))) {
      sink.add(items.delete(key), origin);
    }
  }

  PrimaryKey key(String email, long created) {
    return TableItems.knownValid(items.primaryKey(TableItems.EMAIL, email, created));
  }
}
