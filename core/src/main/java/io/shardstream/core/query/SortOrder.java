package io.shardstream.core.query;

/** Global order of a search's results by merge key. */
public enum SortOrder {
  ASC,
  DESC
}
