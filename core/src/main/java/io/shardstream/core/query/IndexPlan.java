package io.shardstream.core.query;

/**
 * How a search reads one of its indexes.
 *
 * @param order the index's position among the search's indexes (by token): the dedupe tie-break
 * @param mergePrefix the text every range key of the index starts with and the merge key drops
 *     ({@code firstNameCanonical#} for firstNameRangeKey), so that a name search over two name
 *     indexes interleaves by the matched value; empty for other range keys
 */
public record IndexPlan(
    String token,
    int order,
    String rangeKeyAttribute,
    KeyType rangeKeyType,
    String mergePrefix,
    KeyCondition condition) {}
