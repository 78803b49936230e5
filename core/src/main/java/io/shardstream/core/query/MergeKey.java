package io.shardstream.core.query;

import java.util.Comparator;

/**
 * Where an item stands in a search's global (ASC) order: its range key value under the index it was
 * read from (numbers numerically, strings by UTF-8 bytes, a generated range key without its leading
 * {@code firstElement#}), then its table range key ({@code uniqueProperty#encoded}: the unique
 * property; DynamoDB keeps ties inside a partition in an order of its own, so the merger sorts
 * them, see {@link PartitionStream}), then the index's order among the search's indexes. DESC is
 * the exact reverse.
 */
public record MergeKey(SortValue value, String unique, int indexOrder)
    implements Comparable<MergeKey> {

  private static final Comparator<MergeKey> ORDER =
      Comparator.comparing(MergeKey::value)
          .thenComparing(MergeKey::unique, Values::compareUtf8)
          .thenComparingInt(MergeKey::indexOrder);

  /** The merge key of a stored range key value read from {@code index}. */
  public static MergeKey of(IndexPlan index, KeyValue rangeKey, String tableRangeKey) {
    SortValue value = rangeKey.sortValue();
    String prefix = index.mergePrefix();
    if (!prefix.isEmpty()
        && value instanceof SortValue.Text text
        && text.value().startsWith(prefix)) {
      value = new SortValue.Text(text.value().substring(prefix.length()));
    }
    return new MergeKey(value, tableRangeKey, index.order());
  }

  @Override
  public int compareTo(MergeKey other) {
    return ORDER.compare(this, other);
  }
}
