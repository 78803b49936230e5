package io.shardstream.core.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cross-shard search, as the API receives it (values decoded).
 *
 * @param entity the entity token, e.g. {@code user}
 * @param indexes index tokens sharing one hash-key token; their order does not matter
 * @param hashKeyValues the values the hash-key token needs besides the shard ({@code beneficiaryId}
 *     for {@code beneficiaryHashKey}); empty for the table hash key
 * @param conditions range-key condition per index token; an index without one reads all its keys
 * @param filters conditions on plain attributes, all of which an item must meet
 * @param window the time window on the entity's timestamp property
 * @param limit page size (not part of the query's identity: a client may change it between pages)
 */
public record SearchRequest(
    String entity,
    List<String> indexes,
    Map<String, Object> hashKeyValues,
    Map<String, RangeCondition> conditions,
    List<Filter> filters,
    TimeWindow window,
    SortOrder order,
    int limit) {

  public SearchRequest {
    Objects.requireNonNull(entity, "entity");
    indexes = List.copyOf(indexes);
    hashKeyValues = Map.copyOf(hashKeyValues);
    conditions = Map.copyOf(conditions);
    filters = List.copyOf(filters);
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(order, "order");
    if (limit < 1) {
      throw new QueryException("limit must be at least 1, got " + limit);
    }
  }

  public static Builder builder(String entity) {
    return new Builder(entity);
  }

  public SearchRequest withLimit(int newLimit) {
    return new SearchRequest(
        entity, indexes, hashKeyValues, conditions, filters, window, order, newLimit);
  }

  /** Fluent construction; defaults: no conditions or filters, whole time, ASC, limit 25. */
  public static final class Builder {
    private final String entity;
    private final List<String> indexes = new ArrayList<>();
    private final Map<String, Object> hashKeyValues = new LinkedHashMap<>();
    private final Map<String, RangeCondition> conditions = new LinkedHashMap<>();
    private final List<Filter> filters = new ArrayList<>();
    private TimeWindow window = TimeWindow.ALL;
    private SortOrder order = SortOrder.ASC;
    private int limit = 25;

    private Builder(String entity) {
      this.entity = entity;
    }

    public Builder index(String token) {
      indexes.add(token);
      return this;
    }

    public Builder index(String token, RangeCondition condition) {
      indexes.add(token);
      conditions.put(token, condition);
      return this;
    }

    public Builder hashKeyValue(String property, Object value) {
      hashKeyValues.put(property, value);
      return this;
    }

    public Builder filter(Filter filter) {
      filters.add(filter);
      return this;
    }

    public Builder window(TimeWindow value) {
      window = value;
      return this;
    }

    public Builder window(long from, long to) {
      window = new TimeWindow(from, to);
      return this;
    }

    public Builder order(SortOrder value) {
      order = value;
      return this;
    }

    public Builder limit(int value) {
      limit = value;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(
          entity, indexes, hashKeyValues, conditions, filters, window, order, limit);
    }
  }
}
