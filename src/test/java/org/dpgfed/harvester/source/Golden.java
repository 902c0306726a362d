package org.dpgfed.harvester.source;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dpgfed.harvester.harvest.RecordMinter;
import org.dpgfed.harvester.model.Iris;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * Golden files for adapters: {@code case.json} adapted, then minted as source {@code dpga-test}
 * of node {@code https://dpg.example.org}, must be isomorphic to {@code case.expected.ttl}. On a
 * mismatch the actual graph is written to {@code target/golden/} for review.
 */
public final class Golden {
  public static final Iris IRIS = new Iris("https://dpg.example.org");
  public static final String SOURCE = "dpga-test";
  public static final IRI RUN = Values.iri("https://dpg.example.org/id/run/golden");

  /** Prefixes for the actual graph written on a mismatch, so it reads like the golden files. */
  private static final Map<String, String> PREFIXES = Map.ofEntries(
      entry("dpg", "https://w3id.org/dpgfed/vocab#"), entry("dct", "http://purl.org/dc/terms/"),
      entry("dcat", "http://www.w3.org/ns/dcat#"), entry("schema", "http://schema.org/"),
      entry("foaf", "http://xmlns.com/foaf/0.1/"), entry("sdg", "http://metadata.un.org/sdg/"),
      entry("spdx", "http://spdx.org/licenses/"), entry("prov", "http://www.w3.org/ns/prov#"),
      entry("country", "http://publications.europa.eu/resource/authority/country/"),
      entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"), entry("adms", "http://www.w3.org/ns/adms#"),
      entry("record", "https://dpg.example.org/id/record/dpga-test/"),
      entry("product", "https://dpg.example.org/id/product/"));

  private Golden() {}

  public static byte[] resource(String path) {
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adapts the fixture {@code dir/name} (served with no Content-Type) and checks it against {@code dir/name-without-extension.expected.ttl}. */
  public static void assertCase(SourceAdapter adapter, String dir, String name) throws AdapterException {
    AdaptedPage page = adapter.adapt(new Page("https://registry.example.org/" + name, null, resource(dir + name)));
    assertMatches(dir + name.substring(0, name.lastIndexOf('.')) + ".expected.ttl", mint(page));
  }

  public static Model mint(AdaptedPage page) {
    return new RecordMinter(IRIS).mint(SOURCE, RUN, page.records()).graph();
  }

  /** A whole page minted as one source's harvest. */
  public static RecordMinter.Minted mintAll(AdaptedPage page, String sourceId) {
    return new RecordMinter(IRIS).mint(sourceId, RUN, page.records());
  }

  public static void assertMatches(String expectedResource, Model actual) {
    Model expected;
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(expectedResource)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + expectedResource);
      }
      expected = Rio.parse(in, "", RDFFormat.TURTLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Models.isomorphic(expected, actual)) {
      Path written = writeActual(expectedResource, actual);
      fail(expectedResource + " does not match (actual graph written to " + written + ")\n" + diff(expected, actual));
    }
  }

  /** Statements only on one side, with blank nodes shown as [] (their labels mean nothing). */
  static String diff(Model expected, Model actual) {
    List<String> want = lines(expected);
    List<String> got = lines(actual);
    List<String> missing = new ArrayList<>(want);
    got.forEach(missing::remove);
    List<String> extra = new ArrayList<>(got);
    want.forEach(extra::remove);
    return "missing (" + missing.size() + "):\n" + shortList(missing) + "unexpected (" + extra.size() + "):\n"
        + shortList(extra);
  }

  private static List<String> lines(Model model) {
    return model.stream().map(Golden::line).sorted().collect(Collectors.toList());
  }

  private static String line(Statement st) {
    return term(st.getSubject()) + " " + term(st.getPredicate()) + " " + term(st.getObject()) + " .";
  }

  private static String term(Value value) {
    return value.isBNode() ? "[]" : NTriplesUtil.toNTriplesString(value);
  }

  private static String shortList(List<String> lines) {
    StringBuilder out = new StringBuilder();
    lines.stream().limit(40).forEach(l -> out.append("  ").append(l).append('\n'));
    if (lines.size() > 40) {
      out.append("  … and ").append(lines.size() - 40).append(" more\n");
    }
    return out.toString();
  }

  private static Path writeActual(String expectedResource, Model actual) {
    Path file = Path.of("target", "golden", Path.of(expectedResource).getFileName().toString()
        .replace(".expected.ttl", ".actual.ttl"));
    try {
      Files.createDirectories(file.getParent());
      PREFIXES.forEach(actual::setNamespace);
      WriterConfig config = new WriterConfig().set(BasicWriterSettings.INLINE_BLANK_NODES, true);
      try (OutputStream out = Files.newOutputStream(file)) {
        Rio.write(actual, out, RDFFormat.TURTLE, config);
      }
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
