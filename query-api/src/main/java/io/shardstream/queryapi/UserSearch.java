package io.shardstream.queryapi;

import io.shardstream.core.query.Filter;
import io.shardstream.core.query.RangeCondition;
import io.shardstream.core.query.RangeCondition.Operator;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.TimeWindow;
import io.shardstream.queryapi.Timestamps.Bound;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/users}: its parameters, checked, and the one {@link SearchRequest} they mean.
 *
 * <ul>
 *   <li>{@code sort} picks the index family: {@code created}, {@code updated}, {@code phone} (only
 *       users that have a phone) or {@code name}. Default: {@code name} when {@code name} is given,
 *       else {@code created}.
 *   <li>{@code name} searches the first-name and last-name indexes at once (see {@link NameQuery}),
 *       so it needs {@code sort=name} (or no sort). {@code sort=name} without {@code name} lists
 *       users by last name, then first name.
 *   <li>{@code beneficiaryId} reads the beneficiary's own indexes (userBeneficiary*), which hold
 *       only that beneficiary's users. A key bound to a beneficiary implies it; naming another one
 *       is a 403.
 *   <li>{@code createdFrom}/{@code createdTo} (inclusive) are the time window: they choose which
 *       shards are read, and with {@code sort=created} they are the key condition.
 *   <li>{@code updatedFrom}/{@code updatedTo} (inclusive) are the key condition with {@code
 *       sort=updated}, a filter otherwise.
 *   <li>{@code phone} (digits) is a prefix: the key condition with {@code sort=phone}, a filter
 *       otherwise.
 * </ul>
 */
record UserSearch(
    Optional<NameQuery> name,
    Optional<String> beneficiaryId,
    Optional<String> phone,
    TimeWindow created,
    Optional<Long> updatedFrom,
    Optional<Long> updatedTo,
    UserSort sort,
    PageRequest page) {

  static final String NAME = "name";
  static final String BENEFICIARY_ID = "beneficiaryId";
  static final String PHONE = "phone";
  static final String CREATED_FROM = "createdFrom";
  static final String CREATED_TO = "createdTo";
  static final String UPDATED_FROM = "updatedFrom";
  static final String UPDATED_TO = "updatedTo";
  static final String SORT = "sort";
  static final Set<String> PARAMETERS = parameters();
  static final int MAX_PHONE_DIGITS = 32;

  /** Above every character a stored value holds: {@code p + this} bounds all that start with p. */
  private static final String AFTER_PREFIX = Character.toString(Character.MAX_CODE_POINT);

  private static Set<String> parameters() {
    Set<String> names =
        new HashSet<>(
            Set.of(
                NAME,
                BENEFICIARY_ID,
                PHONE,
                CREATED_FROM,
                CREATED_TO,
                UPDATED_FROM,
                UPDATED_TO,
                SORT));
    names.addAll(PageRequest.PARAMETERS);
    return Set.copyOf(names);
  }

  /** Reads and checks every parameter; errors are left in {@code parameters}. */
  static UserSearch read(QueryParameters parameters, int maxLimit) {
    Optional<NameQuery> name = parameters.parsed(NAME, NameQuery::parse);
    Optional<String> beneficiary = parameters.text(BENEFICIARY_ID);
    Optional<String> phone = parameters.parsed(PHONE, UserSearch::phone);
    TimeWindow created = Windows.read(parameters, CREATED_FROM, CREATED_TO);
    Optional<Long> updatedFrom =
        parameters.parsed(UPDATED_FROM, t -> Timestamps.parse(t, Bound.FROM));
    Optional<Long> updatedTo = parameters.parsed(UPDATED_TO, t -> Timestamps.parse(t, Bound.TO));
    if (updatedFrom.isPresent() && updatedTo.isPresent() && updatedFrom.get() > updatedTo.get()) {
      parameters.error(UPDATED_FROM, "is after updatedTo");
    }
    Optional<UserSort> sort = parameters.parsed(SORT, UserSort::parse);
    if (parameters.has(NAME) && sort.isPresent() && sort.get() != UserSort.NAME) {
      parameters.error(SORT, "a name search is ordered by name: use sort=name or leave sort out");
    }
    PageRequest page = PageRequest.read(parameters, maxLimit);
    return new UserSearch(
        name,
        beneficiary,
        phone,
        created,
        updatedFrom,
        updatedTo,
        sort.orElse(parameters.has(NAME) ? UserSort.NAME : UserSort.CREATED),
        page);
  }

  private static String phone(String text) {
    if (!text.matches("[0-9]{1," + MAX_PHONE_DIGITS + "}")) {
      throw new IllegalArgumentException(
          "must be 1 to " + MAX_PHONE_DIGITS + " digits (the " + "beginning of the stored number)");
    }
    return text;
  }

  /**
   * The search this caller may run.
   *
   * @throws io.shardstream.service.ProblemException 403 when the caller is bound to another
   *     beneficiary than the one asked for
   */
  SearchRequest toRequest(Caller caller) {
    Optional<String> scope = scope(caller);
    boolean byBeneficiary = scope.isPresent();
    SearchRequest.Builder request =
        SearchRequest.builder(UserIndexes.ENTITY)
            .order(page.order())
            .limit(page.limit())
            .window(created);
    scope.ifPresent(b -> request.hashKeyValue(UserIndexes.BENEFICIARY_ID, b));
    switch (sort) {
      case CREATED -> request.index(UserIndexes.created(byBeneficiary));
      case UPDATED ->
          updatedCondition()
              .ifPresentOrElse(
                  c -> request.index(UserIndexes.updated(byBeneficiary), c),
                  () -> request.index(UserIndexes.updated(byBeneficiary)));
      case PHONE ->
          phone.ifPresentOrElse(
              p -> request.index(UserIndexes.phone(byBeneficiary), new RangeCondition.Prefix(p)),
              () -> request.index(UserIndexes.phone(byBeneficiary)));
      case NAME ->
          name.ifPresentOrElse(
              n ->
                  request
                      .index(UserIndexes.firstName(byBeneficiary), n.firstNameCondition())
                      .index(UserIndexes.lastName(byBeneficiary), n.lastNameCondition()),
              () -> request.index(UserIndexes.lastName(byBeneficiary)));
    }
    if (sort != UserSort.UPDATED && (updatedFrom.isPresent() || updatedTo.isPresent())) {
      request.filter(
          new Filter.Range(UserIndexes.UPDATED, updatedFrom.orElse(null), updatedTo.orElse(null)));
    }
    if (sort != UserSort.PHONE) {
      phone.ifPresent(
          p -> request.filter(new Filter.Range(UserIndexes.PHONE, p, p + AFTER_PREFIX)));
    }
    return request.build();
  }

  private Optional<String> scope(Caller caller) {
    if (caller.beneficiary().isPresent()
        && beneficiaryId.isPresent()
        && !caller.beneficiary().equals(beneficiaryId)) {
      throw Problems.forbidden("this API key may search only its own beneficiary's users");
    }
    return beneficiaryId.or(caller::beneficiary);
  }

  private Optional<RangeCondition> updatedCondition() {
    if (updatedFrom.isPresent() && updatedTo.isPresent()) {
      return Optional.of(new RangeCondition.Between(updatedFrom.get(), updatedTo.get()));
    }
    return updatedFrom
        .<RangeCondition>map(f -> new RangeCondition.Comparison(Operator.GE, f))
        .or(() -> updatedTo.map(t -> new RangeCondition.Comparison(Operator.LE, t)));
  }
}
