package io.shardstream.queryapi;

import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.TimeWindow;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/emails} and {@code GET /v1/users/{userId}/emails}: emails by created, all of them
 * or one user's (through the userHashKey index), in an inclusive created window.
 */
record EmailSearch(Optional<String> userId, TimeWindow created, PageRequest page) {
  static final String USER_ID = "userId";
  static final String CREATED_FROM = "createdFrom";
  static final String CREATED_TO = "createdTo";

  /** The parameters of {@code /v1/users/{userId}/emails}. */
  static final Set<String> OF_USER_PARAMETERS = parameters(false);

  /** The parameters of {@code /v1/emails}. */
  static final Set<String> PARAMETERS = parameters(true);

  private static Set<String> parameters(boolean withUserId) {
    Set<String> names = new HashSet<>(Set.of(CREATED_FROM, CREATED_TO));
    if (withUserId) {
      names.add(USER_ID);
    }
    names.addAll(PageRequest.PARAMETERS);
    return Set.copyOf(names);
  }

  /** Reads and checks the parameters; {@code userId} comes from the path when given. */
  static EmailSearch read(QueryParameters parameters, Optional<String> pathUserId, int maxLimit) {
    Optional<String> userId = pathUserId.isPresent() ? pathUserId : parameters.text(USER_ID);
    TimeWindow created = Windows.read(parameters, CREATED_FROM, CREATED_TO);
    return new EmailSearch(userId, created, PageRequest.read(parameters, maxLimit));
  }

  SearchRequest toRequest() {
    SearchRequest.Builder request =
        SearchRequest.builder(UserIndexes.EMAIL_ENTITY)
            .order(page.order())
            .limit(page.limit())
            .window(created);
    userId.ifPresentOrElse(
        id -> request.index(UserIndexes.EMAILS_OF_USER).hashKeyValue(UserIndexes.USER_ID, id),
        () -> request.index(UserIndexes.EMAILS_BY_CREATED));
    return request.build();
  }
}
