package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.query.QueryPlanner;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.SortOrder;
import io.shardstream.core.query.TimeWindow;
import io.shardstream.core.testing.SeedUsers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the parameters of the email searches become one search. */
class EmailSearchTest {
  private static final ApiModel MODEL = ApiModel.of(SeedUsers.CONFIG);
  private static final ApiEntity EMAILS = MODEL.byPlural("emails").orElseThrow();
  private static final Set<String> PARAMETERS = EntitySearch.parameters(EMAILS, Optional.empty());
  private static final Set<String> OF_USER_PARAMETERS =
      EntitySearch.parameters(EMAILS, Optional.of("userId"));

  private static SearchRequest request(Optional<String> pathUserId, Map<String, List<String>> raw) {
    QueryParameters parameters =
        QueryParameters.of(raw, pathUserId.isPresent() ? OF_USER_PARAMETERS : PARAMETERS);
    EntitySearch search =
        EntitySearch.read(EMAILS, parameters, pathUserId.map(id -> Map.entry("userId", id)), 50);
    parameters.throwIfInvalid();
    SearchRequest request = search.toRequest(Caller.UNRESTRICTED, MODEL.bindingProperty());
    QueryPlanner.plan(SeedUsers.MANAGER, request);
    return request;
  }

  @Test
  void oneUsersEmailsComeThroughTheUserHashKeyIndex() {
    SearchRequest request =
        request(
            Optional.of("u-1"),
            Map.of("createdFrom", List.of("5"), "order", List.of("desc"), "limit", List.of("50")));

    assertThat(request.entity()).isEqualTo("email");
    assertThat(request.indexes()).containsExactly("userCreated");
    assertThat(request.hashKeyValues()).containsExactly(Map.entry("userId", "u-1"));
    assertThat(request.window()).isEqualTo(new TimeWindow(5, Long.MAX_VALUE));
    assertThat(request.order()).isEqualTo(SortOrder.DESC);
    assertThat(request.limit()).isEqualTo(50);
  }

  @Test
  void withoutAUserEveryEmailComesByCreated() {
    SearchRequest request = request(Optional.empty(), Map.of());

    assertThat(request.indexes()).containsExactly("created");
    assertThat(request.hashKeyValues()).isEmpty();
    assertThat(request.limit()).isEqualTo(25);
  }

  @Test
  void theQueryUserIdIsForTheEmailsRouteOnly() {
    assertThat(PARAMETERS).contains("userId");
    assertThat(OF_USER_PARAMETERS).doesNotContain("userId");
    assertThat(request(Optional.empty(), Map.of("userId", List.of("u-9"))).hashKeyValues())
        .containsExactly(Map.entry("userId", "u-9"));
  }
}
