package io.shardstream.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.shardstream.core.query.CursorCodec;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.service.Metrics;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /openapi.json is valid OpenAPI 3.1 and describes exactly what the app serves. */
class OpenApiDocumentTest {
  private static Javalin app;
  private static String served;

  @BeforeAll
  static void start() {
    app =
        QueryApi.create(
            InMemoryBackend.of(List.of()),
            new CursorCodec(CursorKeys.TEST),
            ApiKeys.NONE,
            40,
            Metrics.newRegistry("test"));
    app.start("localhost", 0);
    served = new Http(app.port()).get(QueryApi.OPENAPI_PATH).body();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  private static SwaggerParseResult parse(String json) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    return new OpenAPIV3Parser().readContents(json, null, options);
  }

  @Test
  void isAValidOpenApi31Document() {
    SwaggerParseResult result = parse(served);

    assertThat(result.getMessages()).isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
    Parameter limit = api.getComponents().getParameters().get("limit");
    assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo("40");
  }

  @Test
  void theValidatorCatchesBrokenDocuments() {
    String broken =
        served.replace(
            "\"responses\" : {\n          \"200\" : {\n            "
                + "\"description\" : \"A page of users.\"",
            "\"responses\" : {\n          \"200\" : {\n"
                + "            \"descriptio\" : \"A page of users.\"");
    assertThat(broken).isNotEqualTo(served);
    assertThat(parse(broken).getMessages()).isNotEmpty();
    assertThat(
            parse(
                    served.replace(
                        "#/components/schemas/UserPage", "#/components/schemas/NoSuchPage"))
                .getMessages())
        .isNotEmpty();
  }

  @Test
  void listsExactlyTheRoutesTheAppServes() {
    Set<String> served =
        app.unsafe.internalRouter.allHttpHandlers().stream()
            .map(h -> h.endpoint)
            .filter(e -> e.method.isHttpMethod())
            // The console's pages are for browsers, not part of the API the document describes.
            .filter(e -> !e.path.startsWith(ConsoleRoutes.PATH))
            .map(e -> e.method.name() + " " + e.path)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> described = new TreeSet<>();
    parse(OpenApiDocumentTest.served)
        .getOpenAPI()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> described.add(method.name() + " " + path)));

    // The entity routes are generic (the configuration can change while the app serves); the
    // document names them for the configuration served.
    Set<String> generic =
        Set.of(
            "GET /v1/{entities}", "GET /v1/{entities}/{id}", "GET /v1/{entities}/{id}/{children}");
    Set<String> entityPaths =
        Set.of(
            "GET /v1/users",
            "GET /v1/users/{userId}",
            "GET /v1/users/{userId}/emails",
            "GET /v1/emails",
            "GET /v1/emails/{email}");
    assertThat(served).containsAll(generic);
    assertThat(described).containsAll(entityPaths);
    Set<String> fixedServed = new TreeSet<>(served);
    fixedServed.removeAll(generic);
    Set<String> fixedDescribed = new TreeSet<>(described);
    fixedDescribed.removeAll(entityPaths);
    assertThat(fixedDescribed).isEqualTo(fixedServed);
    assertThat(fixedServed).hasSize(7);
  }

  @Test
  void describesExactlyTheQueryParametersEachRouteAccepts() {
    ApiModel model = ApiModel.of(SeedUsers.CONFIG);
    ApiEntity users = model.byPlural("users").orElseThrow();
    ApiEntity emails = model.byPlural("emails").orElseThrow();
    Map<String, Set<String>> accepted =
        Map.of(
            "/v1/users",
            EntitySearch.parameters(users, java.util.Optional.empty()),
            "/v1/users/{userId}",
            Set.of(EntityRoutes.INCLUDE),
            "/v1/users/{userId}/emails",
            EntitySearch.parameters(emails, java.util.Optional.of("userId")),
            "/v1/emails",
            EntitySearch.parameters(emails, java.util.Optional.empty()),
            "/v1/emails/{email}",
            Set.of(),
            OperationsRoutes.DEAD_LETTERS,
            Set.of(),
            OperationsRoutes.PIPELINE,
            Set.of(),
            "/v1/changes",
            Set.of());
    OpenAPI api = parse(served).getOpenAPI();
    Map<String, Set<String>> described = new TreeMap<>();
    accepted
        .keySet()
        .forEach(
            path -> {
              PathItem item = api.getPaths().get(path);
              Operation get = item.getGet();
              described.put(
                  path,
                  get.getParameters().stream()
                      .map(
                          p ->
                              p.get$ref() == null
                                  ? p
                                  : api.getComponents()
                                      .getParameters()
                                      .get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1)))
                      .filter(p -> "query".equals(p.getIn()))
                      .map(Parameter::getName)
                      .collect(Collectors.toCollection(TreeSet::new)));
            });

    assertThat(described)
        .isEqualTo(
            new TreeMap<>(
                accepted.entrySet().stream()
                    .collect(
                        Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue())))));
  }

  @Test
  void documentsEveryProblemTypeTheHandlersUse() throws Exception {
    var document = Http.JSON.readTree(served);
    Map<String, String> documented = new TreeMap<>();
    document
        .at("/components/schemas/ProblemType/oneOf")
        .forEach(
            value ->
                documented.put(value.get("const").asText(), value.get("description").asText()));
    Map<String, String> declared = new TreeMap<>();
    for (ProblemType type : ProblemType.values()) {
      declared.put(type.uri(), "400: " + type.description());
    }
    declared.put("about:blank", documented.get("about:blank"));

    assertThat(documented).isEqualTo(declared);
    assertThat(documented.keySet())
        .contains(
            "urn:shardstream:problem:invalid-parameters",
            "urn:shardstream:problem:tampered-cursor",
            "urn:shardstream:problem:foreign-cursor",
            "urn:shardstream:problem:stale-cursor");
    assertThat(document.at("/components/schemas/Problem/properties/type/$ref").asText())
        .isEqualTo("#/components/schemas/ProblemType");
  }

  @Test
  void thePersonModelsDocumentIsValidAndNamesItsRoutesAndMaskedAttributes() throws Exception {
    String person =
        OpenApiDocument.render(
            40,
            ApiModel.of(
                io.shardstream.core.config.ConfigLoader.parse(
                    io.shardstream.schemas.ExampleConfigs.person())));
    SwaggerParseResult result = parse(person);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getPaths().keySet())
        .contains(
            "/v1/persons",
            "/v1/persons/{id}",
            "/v1/persons/{id}/addresses",
            "/v1/persons/{id}/bankAccounts",
            "/v1/persons/{id}/contactInfos",
            "/v1/persons/{id}/employments")
        .doesNotContain("/v1/addresses", "/v1/addresses/{id}", "/v1/users");
    var document = Http.JSON.readTree(person);
    assertThat(document.at("/components/schemas/BankAccount/properties/iban/description").asText())
        .contains("reveal");
    assertThat(document.at("/components/schemas/Person/required").toString()).contains("firstName");
    Set<String> sorts = new TreeSet<>();
    result.getOpenAPI().getPaths().get("/v1/persons").getGet().getParameters().stream()
        .filter(p -> "sort".equals(p.getName()))
        .forEach(p -> p.getSchema().getEnum().forEach(v -> sorts.add(v.toString())));
    assertThat(sorts).containsExactly("created", "firstName", "lastName", "name", "updated");
  }

  @Test
  void everyCursorRefusalHasAProblemType() {
    for (var kind : io.shardstream.core.query.CursorException.Kind.values()) {
      assertThat(ProblemType.of(kind).title()).isEqualTo(kind.title());
    }
  }

  @Test
  void boundsEveryStringParameter() {
    OpenAPI api = parse(served).getOpenAPI();
    api.getComponents()
        .getParameters()
        .forEach(
            (name, parameter) -> {
              var schema =
                  parameter.getSchema().get$ref() != null
                      ? api.getComponents().getSchemas().get("TimeParameter")
                      : parameter.getSchema();
              boolean bounded =
                  schema.getMaxLength() != null
                      || schema.getEnum() != null
                      || schema.getPattern() != null
                      || schema.getMaximum() != null;
              assertThat(bounded).as(name).isTrue();
            });
  }
}
