package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.query.Filter;
import io.shardstream.core.query.QueryPlanner;
import io.shardstream.core.query.RangeCondition;
import io.shardstream.core.query.RangeCondition.Operator;
import io.shardstream.core.query.SearchRequest;
import io.shardstream.core.query.SortOrder;
import io.shardstream.core.query.TimeWindow;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.service.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the parameters of GET /v1/users become one search (derived from the User/Email config). */
class UserSearchTest {
  private static final long JAN_1_2025 = 1735689600000L;
  private static final Caller B1 = new Caller(Optional.of("b1"));

  private static final ApiModel MODEL = ApiModel.of(SeedUsers.CONFIG);
  private static final ApiEntity USERS = MODEL.byPlural("users").orElseThrow();

  private static QueryParameters parameters(String... namesAndValues) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      raw.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>())
          .add(namesAndValues[i + 1]);
    }
    return QueryParameters.of(raw, EntitySearch.parameters(USERS, Optional.empty()));
  }

  private static SearchRequest request(Caller caller, String... namesAndValues) {
    QueryParameters parameters = parameters(namesAndValues);
    EntitySearch search = EntitySearch.read(USERS, parameters, Optional.empty(), 100);
    parameters.throwIfInvalid();
    SearchRequest request = search.toRequest(caller, MODEL.bindingProperty());
    QueryPlanner.plan(SeedUsers.MANAGER, request);
    return request;
  }

  private static List<String> errors(String... namesAndValues) {
    try {
      request(Caller.UNRESTRICTED, namesAndValues);
    } catch (ProblemException e) {
      @SuppressWarnings("unchecked")
      List<Map<String, String>> errors =
          (List<Map<String, String>>) e.problem().extensions().get("errors");
      return errors.stream().map(m -> m.get("parameter") + ": " + m.get("message")).toList();
    }
    return List.of();
  }

  @Test
  void withoutParametersListsEveryUserByCreatedAscendingTwentyFiveAtATime() {
    SearchRequest request = request(Caller.UNRESTRICTED);

    assertThat(request.entity()).isEqualTo("user");
    assertThat(request.indexes()).containsExactly("created");
    assertThat(request.conditions()).isEmpty();
    assertThat(request.filters()).isEmpty();
    assertThat(request.window()).isEqualTo(TimeWindow.ALL);
    assertThat(request.order()).isEqualTo(SortOrder.ASC);
    assertThat(request.limit()).isEqualTo(25);
  }

  @Test
  void aNameImpliesSortByNameOverBothNameIndexes() {
    SearchRequest request = request(Caller.UNRESTRICTED, "name", "Gómez", "order", "DESC");

    assertThat(request.indexes()).containsExactly("firstName", "lastName");
    assertThat(request.conditions())
        .containsEntry(
            "firstName", new RangeCondition.Prefix(Map.of("firstNameCanonical", "gomez")));
    assertThat(request.conditions())
        .containsEntry("lastName", new RangeCondition.Prefix(Map.of("lastNameCanonical", "gomez")));
    assertThat(request.order()).isEqualTo(SortOrder.DESC);
  }

  @Test
  void severalWordsAreAWholeNameThenTheBeginningOfTheOther() {
    SearchRequest request =
        request(Caller.UNRESTRICTED, "name", "  Ada  Love-lace ", "sort", "name");

    assertThat(request.conditions())
        .containsEntry(
            "firstName",
            new RangeCondition.Prefix(
                Map.of("firstNameCanonical", "ada", "lastNameCanonical", "lovelace")));
    assertThat(request.conditions())
        .containsEntry(
            "lastName",
            new RangeCondition.Prefix(
                Map.of("lastNameCanonical", "ada", "firstNameCanonical", "lovelace")));
  }

  @Test
  void sortByNameWithoutANameListsByLastName() {
    assertThat(request(Caller.UNRESTRICTED, "sort", "name").indexes()).containsExactly("lastName");
  }

  @Test
  void aBeneficiaryReadsItsOwnIndexes() {
    SearchRequest request =
        request(Caller.UNRESTRICTED, "beneficiaryId", "b9", "sort", "phone", "phone", "1555");

    assertThat(request.indexes()).containsExactly("userBeneficiaryPhone");
    assertThat(request.hashKeyValues()).containsExactly(Map.entry("beneficiaryId", "b9"));
    assertThat(request.conditions())
        .containsEntry("userBeneficiaryPhone", new RangeCondition.Prefix("1555"));
    assertThat(request.filters()).isEmpty();
  }

  @Test
  void aBoundKeyImpliesItsBeneficiaryAndRefusesAnother() {
    assertThat(request(B1).hashKeyValues()).containsExactly(Map.entry("beneficiaryId", "b1"));
    assertThat(request(B1, "beneficiaryId", "b1").indexes())
        .containsExactly("userBeneficiaryCreated");
    assertThatThrownBy(() -> request(B1, "beneficiaryId", "b2"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
  }

  @Test
  void updatedIsTheKeyConditionWhenSortedByUpdatedAndAFilterOtherwise() {
    SearchRequest byUpdated =
        request(Caller.UNRESTRICTED, "sort", "updated", "updatedFrom", "2025-01-01");
    assertThat(byUpdated.conditions())
        .containsEntry("updated", new RangeCondition.Comparison(Operator.GE, JAN_1_2025));
    assertThat(byUpdated.filters()).isEmpty();

    SearchRequest bounded =
        request(
            Caller.UNRESTRICTED,
            "sort",
            "updated",
            "updatedTo",
            "2025-01-01",
            "updatedFrom",
            "2024-12-31T00:00:00+01:00");
    assertThat(bounded.conditions())
        .containsEntry(
            "updated",
            new RangeCondition.Between(JAN_1_2025 - 25 * 3_600_000L, JAN_1_2025 + 86_399_999L));

    SearchRequest byCreated = request(Caller.UNRESTRICTED, "updatedTo", "1735689600000");
    assertThat(byCreated.indexes()).containsExactly("created");
    assertThat(byCreated.filters()).containsExactly(new Filter.Range("updated", null, JAN_1_2025));
  }

  @Test
  void aPhoneIsAPrefixFilterWhenNotSortedByPhone() {
    SearchRequest request = request(Caller.UNRESTRICTED, "phone", "155", "sort", "updated");

    assertThat(request.indexes()).containsExactly("updated");
    Filter.Range filter = (Filter.Range) request.filters().get(0);
    assertThat(filter.attribute()).isEqualTo("phone");
    assertThat(filter.matches(Map.of("phone", "1550000"))).isTrue();
    assertThat(filter.matches(Map.of("phone", "155"))).isTrue();
    assertThat(filter.matches(Map.of("phone", "156"))).isFalse();
    assertThat(filter.matches(Map.of("phone", "15"))).isFalse();
  }

  @Test
  void createdBoundsAreTheTimeWindowWholeDaysInclusive() {
    SearchRequest request =
        request(
            Caller.UNRESTRICTED,
            "createdFrom",
            "2025-01-01",
            "createdTo",
            "2025-01-01",
            "sort",
            "phone");

    assertThat(request.window())
        .isEqualTo(new TimeWindow(JAN_1_2025, JAN_1_2025 + 86_400_000L - 1));
    assertThat(request.indexes()).containsExactly("phone");
  }

  @Test
  void reportsEveryInvalidParameterAtOnce() {
    assertThat(
            errors(
                "name",
                "ada",
                "sort",
                "created",
                "limit",
                "101",
                "createdFrom",
                "2025-02-30",
                "createdTo",
                "nope",
                "phone",
                "+1 555",
                "order",
                "sideways",
                "cursor",
                ""))
        .extracting(e -> e.substring(0, e.indexOf(':')))
        .containsExactlyInAnyOrder(
            "sort", "limit", "createdFrom", "createdTo", "phone", "order", "cursor");
    assertThat(errors("createdFrom", "2025-02-01", "createdTo", "2025-01-01"))
        .containsExactly("createdFrom: is after createdTo");
    assertThat(errors("updatedFrom", "2", "updatedTo", "1"))
        .containsExactly("updatedFrom: is after updatedTo");
    assertThat(errors("name", "¿¡ -!"))
        .containsExactly("name: has no letter or digit to search for");
    assertThat(errors("height", "2", "limit", "1", "limit", "2"))
        .containsExactlyInAnyOrder(
            "limit: given 2 times; give it once",
            "height: unknown parameter; this route takes beneficiaryId, createdFrom, createdTo, "
                + "cursor, limit, name, order, phone, sort, updatedFrom, updatedTo");
    assertThat(errors("beneficiaryId", "b".repeat(257)))
        .containsExactly("beneficiaryId: is 257 characters long; at most 256 are allowed");
    assertThat(errors("cursor", "c".repeat(16_385))).hasSize(1);
    assertThat(errors("createdFrom", "99999999999999999")).hasSize(1);
  }

  @Test
  void limitsGoFromOneToTheConfiguredMaximum() {
    assertThat(request(Caller.UNRESTRICTED, "limit", "1").limit()).isEqualTo(1);
    assertThat(request(Caller.UNRESTRICTED, "limit", "100").limit()).isEqualTo(100);
    assertThat(errors("limit", "0")).hasSize(1);
    assertThat(errors("limit", "-1")).hasSize(1);
    assertThat(errors("limit", "1.5")).hasSize(1);
    assertThat(errors("limit", "99999999999")).hasSize(1);
  }
}
