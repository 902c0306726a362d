package org.dpgfed.harvester.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpgfed.harvester.testing.Http;
import org.dpgfed.harvester.testing.TestNode;
import org.dpgfed.harvester.web.Html;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web interface over plain HTTP: every page, every language, the counts against SPARQL. */
class UiPagesTest {
  private static final List<String> PAGES = List.of("/", "/explore", "/query", "/sources");
  private static final Pattern DATA_COUNT = Pattern.compile("id=\"count\" data-count=\"(\\d+)\"");

  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    node = UiNode.start(vertx, dir);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  private static HttpResponse<String> get(String path, String acceptLanguage) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).GET();
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    return Http.send(request);
  }

  @Test
  void everyPageAnswersHtmlInEachLanguageUnder200Kilobytes() {
    for (String page : PAGES) {
      for (String lang : List.of("en", "fr", "es")) {
        HttpResponse<String> response = get(page + "?lang=" + lang, null);
        assertEquals(200, response.statusCode(), page + " " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), page);
        assertTrue(response.body().contains("<html lang=\"" + lang + "\">"), page + " " + lang);
        int bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 200_000, page + " weighs " + bytes + " bytes");
        assertFalse(response.body().matches("(?s).*(src|href)=\"https?://(?!127\\.0\\.0\\.1|dpg\\.example\\.org).*"),
            page + " loads nothing from another host");
      }
    }
  }

  @Test
  void everyLanguageHasEveryWordOfTheInterface() throws Exception {
    java.util.Properties english = new java.util.Properties();
    english.load(new java.io.StringReader(Layout.resource("ui/messages_en.properties")));
    for (String lang : List.of("fr", "es")) {
      java.util.Properties other = new java.util.Properties();
      other.load(new java.io.StringReader(Layout.resource("ui/messages_" + lang + ".properties")));
      assertEquals(english.keySet(), other.keySet(), lang);
    }
  }

  @Test
  void theLanguageFollowsAcceptLanguageUnlessTheSwitcherChoseOne() {
    assertTrue(get("/", "es-ES,es;q=0.9,en;q=0.5").body().contains("<html lang=\"es\">"));
    assertEquals("fr", get("/", "de-DE, fr;q=0.5").headers().firstValue("Content-Language").orElseThrow());
    assertTrue(get("/", "de").body().contains("<html lang=\"en\">"));
    assertTrue(get("/?lang=fr", "es").body().contains("<html lang=\"fr\">"));
    String french = get("/explore?sdg=3", "fr").body();
    assertTrue(french.contains("href=\"/explore?sdg=3&amp;lang=es\""), "the switcher keeps the filters");
  }

  @Test
  void homeCountsProductsAndSourcesAndNamesTheGoalsInTheReadersLanguage() {
    long products = UiNode.count(node,
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }");
    String home = get("/?lang=fr", null).body();
    assertTrue(home.contains("<dd id=\"products\">" + products + "</dd>"), home);
    assertTrue(home.contains("<dd id=\"sources\">2</dd>"));
    assertTrue(home.contains(Html.escape("Permettre à tous de vivre en bonne santé et promouvoir le bien-être de tous à tout âge")));
    assertTrue(home.contains("background:#4C9F38"), "SDG 3 in its official colour");
    assertTrue(home.contains("GPL-3.0-only"), "the licence table");
    assertTrue(home.contains("Kenya"), "the country table names the country");
    assertTrue(get("/?lang=es", null).body().contains("Garantizar una vida sana"));
  }

  @Test
  void exploresCountForEachGoalEqualsTheSparqlCount() {
    for (int goal = 1; goal <= 17; goal++) {
      String page = get("/explore?sdg=" + goal, null).body();
      Matcher m = DATA_COUNT.matcher(page);
      assertTrue(m.find(), page);
      assertEquals(UiNode.productsWithGoal(node, goal), Long.parseLong(m.group(1)), "SDG " + goal);
    }
  }

  @Test
  void exploreResultsLinkToTheProductsOwnPages() {
    String page = get("/explore?q=malaria", null).body();
    Matcher link = Pattern.compile("<li><a href=\"(/id/product/[0-9a-f]+)\">Malaria Surveillance Toolkit</a>").matcher(page);
    assertTrue(link.find(), page);
    HttpResponse<String> product = Http.get(node.url(link.group(1)), "text/html");
    assertEquals(200, product.statusCode());
    assertTrue(product.body().contains("<h1>Malaria Surveillance Toolkit"));
    Matcher count = DATA_COUNT.matcher(page);
    assertTrue(count.find());
    assertEquals(UiNode.count(node, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p . "
        + "?p <http://purl.org/dc/terms/title>|<http://purl.org/dc/terms/description> ?t FILTER(CONTAINS(LCASE(?t), \"malaria\")) }"),
        Long.parseLong(count.group(1)));
  }

  @Test
  void exploreRefusesMalformedFiltersAndTakesAnyText() {
    assertEquals(400, get("/explore?sdg=18", null).statusCode());
    assertEquals(400, get("/explore?country=" + Http.encode("KEN> } #"), null).statusCode());
    HttpResponse<String> quoted = get("/explore?q=" + Http.encode("\" } DELETE {"), null);
    assertEquals(200, quoted.statusCode(), quoted.body());
    assertTrue(quoted.body().contains("data-count=\"0\""));
  }

  /** The links of the download group the page shows (not hidden), each fetched: format name to Content-Type. */
  private static java.util.Map<String, String> shownDownloads(String page) {
    Matcher group = Pattern.compile("<p data-form=\"(\\w+)\">(.*?)</p>").matcher(page);
    assertTrue(group.find(), page);
    assertFalse(group.find(), "one group shown");
    group.reset().find();
    java.util.Map<String, String> types = new java.util.TreeMap<>();
    Matcher links = Pattern.compile("href=\"(/sparql\\?format=(\\w+)&amp;query=[^\"]+)\"").matcher(group.group(2));
    while (links.find()) {
      HttpResponse<String> download = Http.get(node.url(links.group(1).replace("&amp;", "&")), null);
      assertEquals(200, download.statusCode(), links.group(2) + " " + download.body());
      types.put(links.group(2), download.headers().firstValue("Content-Type").orElseThrow().replaceAll(";.*", ""));
    }
    return types;
  }

  @Test
  void theQueryPageKeepsTheQueryAndOffersEveryResultFormatOfASelect() {
    String query = "SELECT ?p WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p } LIMIT 3";
    String page = get("/query?query=" + Http.encode(query), null).body();
    assertTrue(page.contains(Html.escape(query) + "</textarea>"), page);
    assertEquals(java.util.Map.of("csv", "text/csv", "json", "application/sparql-results+json",
        "tsv", "text/tab-separated-values", "xml", "application/sparql-results+xml"), shownDownloads(page));
  }

  @Test
  void theQueryPageOffersEveryRdfFormatForAConstructAndBothAnswerFormatsForAnAsk() {
    String construct = "CONSTRUCT { ?p a <http://example.org/Product> } WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }";
    assertEquals(java.util.Map.of("jsonld", "application/ld+json", "nquads", "application/n-quads",
        "ntriples", "application/n-triples", "rdfxml", "application/rdf+xml", "trig", "application/trig",
        "turtle", "text/turtle"), shownDownloads(get("/query?query=" + Http.encode(construct), null).body()));
    String describe = "DESCRIBE ?p WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p } LIMIT 1";
    assertEquals(6, shownDownloads(get("/query?query=" + Http.encode(describe), null).body()).size());
    String ask = "ASK { ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?p }";
    assertEquals(java.util.Map.of("json", "application/sparql-results+json", "xml", "application/sparql-results+xml"),
        shownDownloads(get("/query?query=" + Http.encode(ask), null).body()));
  }

  @Test
  void codeMirrorIsServedGzippedFromTheNodeAndNothingElseOfTheWebjar() throws Exception {
    Matcher script = Pattern.compile("<script src=\"(/assets/codemirror-[^\"]+/codemirror\\.js)\"").matcher(get("/query", null).body());
    assertTrue(script.find());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(script.group(1)))).header("Accept-Encoding", "gzip");
    HttpResponse<byte[]> packed = java.net.http.HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, packed.statusCode());
    assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElseThrow());
    HttpResponse<String> plain = get(script.group(1), null);
    assertTrue(plain.body().contains("CodeMirror"));
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed.body()))) {
      assertEquals(plain.body(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(packed.body().length < plain.body().length() / 3, packed.body().length + " bytes gzipped");
    assertEquals(404, get(script.group(1).replace("codemirror.js", "LICENSE"), null).statusCode());
    assertEquals(404, get("/assets/codemirror-0.0.0/codemirror.js", null).statusCode());
  }

  @Test
  void theSourcesPageShowsEachSourcesStatusRunsAndProblems() {
    String page = get("/sources", null).body();
    JsonObject problem = TestNode.await(node.client().get("/api/runs/"
        + node.source(UiNode.PROBLEMS).getJsonObject("status").getJsonObject("lastRun").getString("id") + "/report").send())
        .bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
    assertTrue(page.contains(Html.escape(problem.getString("message"))), page);
    assertTrue(page.contains("id=\"source-" + UiNode.REGISTRY + "\""));
    assertTrue(page.contains("class=\"run-succeeded\""));
    assertTrue(page.contains("type=\"password\""), "the operator's token field");
  }
}
