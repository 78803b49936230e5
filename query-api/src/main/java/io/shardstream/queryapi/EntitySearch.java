package io.shardstream.queryapi;

import io.shardstream.core.config.AttributeDefinition;
import io.shardstream.core.config.AttributeFormat;
import io.shardstream.core.query.Filter;
import io.shardstream.core.query.RangeCondition;
import io.shardstream.core.query.RangeCondition.Operator;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.TimeWindow;
import io.shardstream.queryapi.Timestamps.Bound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /v1/{plural}} (and an indexed child list): the parameters an entity's {@link
 * SearchFamily families} give, checked, and the one {@link SearchRequest} they mean.
 *
 * <ul>
 *   <li>{@code sort} picks the family (when there is more than one value): a family's name, or
 *       {@code name}. Default: {@code name} when {@code name} is given, else the family of the
 *       timestamp property.
 *   <li>{@code name} searches every family of canonical names at once ({@link NameQuery}), so it
 *       needs {@code sort=name} (or no sort). {@code sort=name} without {@code name} lists by the
 *       last of those families (by index token: for the examples, last name then first name).
 *   <li>A scope property ({@code beneficiaryId}, an email's {@code userId}) reads the indexes whose
 *       hash key is built from it. A key bound to a value implies the binding property; naming
 *       another value is a 403.
 *   <li>{@code <timestamp>From}/{@code <timestamp>To} (inclusive) on the timestamp property are the
 *       time window: they choose which shards are read, and with its sort they are the key
 *       condition. The same on another timestamp range key: the key condition with its sort, a
 *       filter otherwise.
 *   <li>{@code <property>} on a string range key is a prefix: the key condition with its sort, a
 *       filter otherwise.
 * </ul>
 */
final class EntitySearch {
  static final String NAME = "name";
  static final String SORT = "sort";
  static final String FROM = "From";
  static final String TO = "To";

  /** Above every character a stored value holds: {@code p + this} bounds all that start with p. */
  private static final String AFTER_PREFIX = Character.toString(Character.MAX_CODE_POINT);

  private final ApiEntity entity;
  private final Optional<NameQuery> name;
  private final Optional<String> sort;
  private final Map<String, String> scope;
  private final TimeWindow window;
  private final Map<String, Optional<Long>[]> timeRanges;
  private final Map<String, String> prefixes;
  private final PageRequest page;

  private EntitySearch(
      ApiEntity entity,
      Optional<NameQuery> name,
      Optional<String> sort,
      Map<String, String> scope,
      TimeWindow window,
      Map<String, Optional<Long>[]> timeRanges,
      Map<String, String> prefixes,
      PageRequest page) {
    this.entity = entity;
    this.name = name;
    this.sort = sort;
    this.scope = scope;
    this.window = window;
    this.timeRanges = timeRanges;
    this.prefixes = prefixes;
    this.page = page;
  }

  /**
   * The query parameters of the entity's search; with {@code fixed} (a child list under its
   * parent), that scope property comes from the path and only families with it are offered.
   */
  static Set<String> parameters(ApiEntity entity, Optional<String> fixed) {
    Set<String> names = new TreeSet<>(PageRequest.PARAMETERS);
    List<SearchFamily> families = families(entity, fixed);
    if (sortValues(families).size() > 1) {
      names.add(SORT);
    }
    for (SearchFamily family : families) {
      family.indexByScope().keySet().forEach(names::addAll);
      switch (family.kind()) {
        case TIMESTAMP -> {
          names.add(family.rangeKey() + FROM);
          names.add(family.rangeKey() + TO);
        }
        case PREFIX -> names.add(family.rangeKey());
        case NAME -> names.add(NAME);
        case WINDOW, ORDER_ONLY -> {}
      }
    }
    timestamp(entity)
        .ifPresent(
            t -> {
              names.add(t + FROM);
              names.add(t + TO);
            });
    fixed.ifPresent(names::remove);
    return names;
  }

  /** The families a search may use: all, or those with an index on the fixed scope. */
  static List<SearchFamily> families(ApiEntity entity, Optional<String> fixed) {
    if (fixed.isEmpty()) {
      return entity.families();
    }
    return entity.families().stream()
        .filter(f -> f.indexByScope().keySet().stream().anyMatch(s -> s.contains(fixed.get())))
        .toList();
  }

  private static Optional<String> timestamp(ApiEntity entity) {
    return Optional.ofNullable(entity.definition().timestampProperty());
  }

  /** Every {@code sort} value, sorted: the families' names and {@code name} when searchable. */
  static List<String> sortValues(List<SearchFamily> families) {
    Set<String> values = new TreeSet<>();
    families.forEach(f -> values.add(f.name()));
    if (families.stream().anyMatch(f -> f.kind() == SearchFamily.Kind.NAME)) {
      values.add(NAME);
    }
    return List.copyOf(values);
  }

  /**
   * Reads and checks every parameter; errors are left in {@code parameters}.
   *
   * @param fixed a scope property and its value from the path (a child list), or empty
   */
  static EntitySearch read(
      ApiEntity entity,
      QueryParameters parameters,
      Optional<Map.Entry<String, String>> fixed,
      int maxLimit) {
    List<SearchFamily> families = families(entity, fixed.map(Map.Entry::getKey));
    List<String> sortValues = sortValues(families);
    Optional<NameQuery> name = parameters.parsed(NAME, NameQuery::parse);
    Map<String, String> scope = new LinkedHashMap<>();
    fixed.ifPresent(f -> scope.put(f.getKey(), f.getValue()));
    Map<String, Optional<Long>[]> timeRanges = new LinkedHashMap<>();
    Map<String, String> prefixes = new LinkedHashMap<>();
    for (SearchFamily family : families) {
      for (Set<String> properties : family.indexByScope().keySet()) {
        for (String property : properties) {
          if (!scope.containsKey(property)) {
            parameters.text(property).ifPresent(v -> scope.put(property, v));
          }
        }
      }
      if (family.kind() == SearchFamily.Kind.TIMESTAMP) {
        timeRanges.put(family.rangeKey(), range(parameters, family.rangeKey()));
      } else if (family.kind() == SearchFamily.Kind.PREFIX) {
        Optional<AttributeDefinition> attribute =
            entity.definition().model().attribute(family.rangeKey());
        parameters
            .parsed(family.rangeKey(), text -> prefix(text, attribute))
            .ifPresent(p -> prefixes.put(family.rangeKey(), p));
      }
    }
    TimeWindow window =
        timestamp(entity)
            .map(t -> Windows.read(parameters, t + FROM, t + TO))
            .orElse(TimeWindow.ALL);
    Optional<String> sort =
        parameters.parsed(
            SORT,
            text ->
                sortValues.stream()
                    .filter(v -> v.equalsIgnoreCase(text.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "must be one of " + String.join(", ", sortValues))));
    if (parameters.has(NAME) && sort.isPresent() && !sort.get().equals(NAME)) {
      parameters.error(SORT, "a name search is ordered by name: use sort=name or leave sort out");
    }
    PageRequest page = PageRequest.read(parameters, maxLimit);
    String chosen =
        sort.orElseGet(
            () ->
                parameters.has(NAME)
                    ? NAME
                    : families.stream()
                        .filter(f -> f.kind() == SearchFamily.Kind.WINDOW)
                        .map(SearchFamily::name)
                        .findFirst()
                        .orElse(sortValues.isEmpty() ? NAME : sortValues.get(0)));
    return new EntitySearch(
        entity, name, Optional.of(chosen), scope, window, timeRanges, prefixes, page);
  }

  @SuppressWarnings("unchecked")
  private static Optional<Long>[] range(QueryParameters parameters, String property) {
    Optional<Long> from = parameters.parsed(property + FROM, t -> Timestamps.parse(t, Bound.FROM));
    Optional<Long> to = parameters.parsed(property + TO, t -> Timestamps.parse(t, Bound.TO));
    if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
      parameters.error(property + FROM, "is after " + property + TO);
    }
    return new Optional[] {from, to};
  }

  /** A prefix no stored value could start with is refused: a digits-only format takes digits. */
  private static String prefix(String text, Optional<AttributeDefinition> attribute) {
    int max =
        attribute
            .flatMap(
                a ->
                    a.maxLength().isPresent()
                        ? Optional.of(a.maxLength().getAsInt())
                        : Optional.empty())
            .orElse(QueryParameters.MAX_LENGTH);
    if (text.codePointCount(0, text.length()) > max) {
      throw new IllegalArgumentException("is longer than the " + max + " characters a value has");
    }
    Optional<AttributeFormat> format = attribute.flatMap(AttributeDefinition::format);
    if (format.isPresent() && prefixClosed(format.get()) && !format.get().matches(text)) {
      throw new IllegalArgumentException("must be the beginning of " + format.get().description());
    }
    return text;
  }

  /** Whether every beginning of a value of this format has the format too. */
  private static boolean prefixClosed(AttributeFormat format) {
    return format == AttributeFormat.PHONE;
  }

  PageRequest page() {
    return page;
  }

  /** The scope values the request names (the fixed one included). */
  Map<String, String> scope() {
    return scope;
  }

  /**
   * The search this caller may run.
   *
   * @param bindingProperty the config's key binding property, if any
   * @throws io.shardstream.service.ProblemException 403 when the caller is bound to another value
   *     than the one asked for; 400 when the sort has no index for the scope given
   */
  SearchRequest toRequest(Caller caller, Optional<String> bindingProperty) {
    Map<String, String> effective = new LinkedHashMap<>(scope);
    if (caller.bound() && bindingProperty.isPresent() && entity.carries(bindingProperty.get())) {
      String property = bindingProperty.get();
      if (effective.containsKey(property) && !caller.maySee(effective.get(property))) {
        throw Problems.forbidden(
            "this API key may search only the " + entity.plural() + " of its own " + property);
      }
      effective.put(property, caller.binding().get());
    }
    SearchRequest.Builder request =
        SearchRequest.builder(entity.token())
            .order(page.order())
            .limit(page.limit())
            .window(window);
    effective.forEach(request::hashKeyValue);
    List<SearchFamily> families = families(entity, Optional.empty());
    List<SearchFamily> sorted = new ArrayList<>();
    String chosen = sort.orElseThrow();
    List<SearchFamily> names =
        families.stream().filter(f -> f.kind() == SearchFamily.Kind.NAME).toList();
    if (chosen.equals(NAME)) {
      if (name.isPresent()) {
        sorted.addAll(names);
      } else if (!names.isEmpty()) {
        sorted.add(names.get(names.size() - 1));
      }
    } else {
      families.stream().filter(f -> f.name().equals(chosen)).forEach(sorted::add);
    }
    if (sorted.isEmpty()) {
      throw Problems.notFound(entity.plural() + " have no search: list them under their parent");
    }
    for (SearchFamily family : sorted) {
      String index =
          family
              .index(effective.keySet())
              .orElseThrow(
                  () ->
                      Problems.invalidSearch(
                          "sort="
                              + chosen
                              + " has no index for "
                              + (effective.isEmpty()
                                  ? "all " + entity.plural()
                                  : "the " + String.join(" and ", effective.keySet()))
                              + "; use another sort"));
      condition(family).ifPresentOrElse(c -> request.index(index, c), () -> request.index(index));
    }
    Set<String> keyed = new TreeSet<>();
    sorted.forEach(f -> keyed.add(f.rangeKey()));
    timeRanges.forEach(
        (property, range) -> {
          if (!keyed.contains(property) && (range[0].isPresent() || range[1].isPresent())) {
            request.filter(
                new Filter.Range(property, range[0].orElse(null), range[1].orElse(null)));
          }
        });
    prefixes.forEach(
        (property, prefix) -> {
          if (!keyed.contains(property)) {
            request.filter(new Filter.Range(property, prefix, prefix + AFTER_PREFIX));
          }
        });
    return request.build();
  }

  private Optional<RangeCondition> condition(SearchFamily family) {
    return switch (family.kind()) {
      case NAME -> name.map(n -> n.condition(family.nameElements()));
      case PREFIX ->
          Optional.ofNullable(prefixes.get(family.rangeKey())).map(RangeCondition.Prefix::new);
      case TIMESTAMP -> timeCondition(timeRanges.get(family.rangeKey()));
      case WINDOW, ORDER_ONLY -> Optional.empty();
    };
  }

  private static Optional<RangeCondition> timeCondition(Optional<Long>[] range) {
    if (range == null) {
      return Optional.empty();
    }
    Optional<Long> from = range[0];
    Optional<Long> to = range[1];
    if (from.isPresent() && to.isPresent()) {
      return Optional.of(new RangeCondition.Between(from.get(), to.get()));
    }
    return from.<RangeCondition>map(f -> new RangeCondition.Comparison(Operator.GE, f))
        .or(() -> to.map(t -> new RangeCondition.Comparison(Operator.LE, t)));
  }
}
