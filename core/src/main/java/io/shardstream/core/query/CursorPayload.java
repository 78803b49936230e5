package io.shardstream.core.query;

import io.shardstream.core.query.CursorException.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The binary content of a cursor, before compression and signing:
 *
 * <pre>
 * byte[4] config version (first bytes of its SHA-256: enough to tell a stale cursor from a
 *         foreign one, as the fingerprint binds the version too)
 * byte[8] query fingerprint (first bytes of its SHA-256)
 * varint  partition count
 * bytes   2 bits per partition, low bits first: 0 NOT_STARTED, 1 AT, 2 DONE, 3 PAST
 * per AT or PAST partition, in plan order:
 *   string range key value (S without the index's merge prefix; N canonical decimal)
 *   string table range key without the entity's unique prefix ({@code userId#}): AT, the last
 *          one consumed of the run of ties at that value; PAST, the run's last in DynamoDB's order
 * optional, per index of the plan: varint items the page took from it (a hint, {@link
 *         CursorState#indexYields()}; cursors without it decode with no hint)
 * </pre>
 *
 * (Format version 2, {@link CursorCodec}. Version 1 had no PAST, and its AT meant "after this item
 * in DynamoDB's scan order", which within a run of ties is not the search's order.)
 *
 * <p>Partitions are named only by their position in the plan, so a cursor can never name a
 * partition the search does not read.
 */
final class CursorPayload {
  static final int FINGERPRINT_BYTES = 8;
  static final int CONFIG_VERSION_BYTES = 4;
  private static final int NOT_STARTED = 0;
  private static final int AT = 1;
  private static final int DONE = 2;
  private static final int PAST = 3;

  private CursorPayload() {}

  static byte[] write(QueryPlan plan, CursorState state) {
    ByteWriter out =
        new ByteWriter()
            .bytes(configVersion(plan))
            .bytes(fingerprint(plan))
            .varint(state.partitions().size());
    byte[] packed = new byte[(state.partitions().size() + 3) / 4];
    for (int i = 0; i < state.partitions().size(); i++) {
      int code =
          switch (state.of(i)) {
            case PartitionState.NotStarted n -> NOT_STARTED;
            case PartitionState.At a -> AT;
            case PartitionState.Done d -> DONE;
            case PartitionState.Past p -> PAST;
          };
      packed[i / 4] |= (byte) (code << (2 * (i % 4)));
    }
    out.bytes(packed);
    for (int i = 0; i < state.partitions().size(); i++) {
      Position position =
          switch (state.of(i)) {
            case PartitionState.At at -> at.position();
            case PartitionState.Past past -> past.position();
            default -> null;
          };
      if (position != null) {
        IndexPlan index = plan.partitions().get(i).index();
        KeyValue range = position.rangeKey();
        out.string(
            range.type() == KeyType.S ? strip(index.mergePrefix(), range.text()) : range.text());
        out.string(strip(plan.uniquePrefix(), position.tableRangeKey()));
      }
    }
    if (state.indexYields().size() == plan.indexes().size()) {
      state.indexYields().forEach(out::varint);
    }
    return out.toByteArray();
  }

  static CursorState read(QueryPlan plan, byte[] payload) {
    ByteReader in = new ByteReader(payload);
    if (!Arrays.equals(in.bytes(CONFIG_VERSION_BYTES), configVersion(plan))) {
      throw new CursorException(
          Kind.STALE_CONFIG,
          "the cursor was issued under another entity "
              + "configuration than the one this server now runs (version "
              + plan.configVersion()
              + "); start the search again without a cursor");
    }
    if (!Arrays.equals(in.bytes(FINGERPRINT_BYTES), fingerprint(plan))) {
      throw foreign();
    }
    int count = in.count(Integer.MAX_VALUE);
    if (count != plan.partitions().size()) {
      throw foreign();
    }
    byte[] packed = in.bytes((count + 3) / 4);
    List<PartitionState> states = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int code = (packed[i / 4] >> (2 * (i % 4))) & 3;
      states.add(
          switch (code) {
            case NOT_STARTED -> PartitionState.NOT_STARTED;
            case DONE -> PartitionState.DONE;
            case AT -> new PartitionState.At(position(plan.partitions().get(i), plan, in));
            case PAST -> new PartitionState.Past(position(plan.partitions().get(i), plan, in));
            default -> throw ByteReader.malformed("unknown partition state");
          });
    }
    List<Integer> yields = new ArrayList<>();
    if (!in.atEnd()) {
      for (int i = 0; i < plan.indexes().size(); i++) {
        yields.add(in.count(Integer.MAX_VALUE));
      }
    }
    in.end();
    return new CursorState(states, yields);
  }

  private static Position position(PartitionQuery partition, QueryPlan plan, ByteReader in) {
    String range = in.string();
    String unique = plan.uniquePrefix() + in.string();
    if (partition.rangeKeyType() == KeyType.S) {
      return new Position(KeyValue.s(partition.index().mergePrefix() + range), unique);
    }
    try {
      return new Position(KeyValue.n(new BigDecimal(range)), unique);
    } catch (NumberFormatException e) {
      throw ByteReader.malformed("bad number");
    }
  }

  private static byte[] configVersion(QueryPlan plan) {
    return Arrays.copyOf(Values.sha256(plan.configVersion()), CONFIG_VERSION_BYTES);
  }

  private static byte[] fingerprint(QueryPlan plan) {
    return Arrays.copyOf(HexFormat.of().parseHex(plan.fingerprint()), FINGERPRINT_BYTES);
  }

  /** Drops a prefix every such value has by construction (the merge prefix, {@code userId#}). */
  private static String strip(String prefix, String value) {
    if (!value.startsWith(prefix)) {
      throw new IllegalStateException("'" + value + "' does not start with '" + prefix + "'");
    }
    return value.substring(prefix.length());
  }

  private static CursorException foreign() {
    return new CursorException(
        Kind.FOREIGN_QUERY,
        "the cursor belongs to a different search; repeat the request that returned it with the"
            + " same parameters (only limit may change), or start again without a cursor");
  }
}
