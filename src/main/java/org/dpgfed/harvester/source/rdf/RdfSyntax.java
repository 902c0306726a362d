package org.dpgfed.harvester.source.rdf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Bodies;
import org.dpgfed.harvester.source.Page;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.eclipse.rdf4j.rio.helpers.XMLParserSettings;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;

/**
 * Reads a page in any RDF syntax: by Content-Type, then by the URL's extension, then by a look at
 * the first character. Never fetches anything: no remote JSON-LD contexts, no DTDs, no external
 * entities (a DOCTYPE is refused outright, which also stops entity expansion).
 */
final class RdfSyntax {
  private static final int SNIFF = 64;

  private RdfSyntax() {}

  static Model parse(Page page) throws AdapterException {
    String text = Bodies.text(page, "an RDF document");
    return parse(page.url(), format(page, text), parser -> parser.parse(new StringReader(text), page.url()));
  }

  /** Reads a body as it streams in: the format by Content-Type, then extension, then its first bytes. */
  static Model parse(String url, String contentType, InputStream body) throws AdapterException {
    BufferedInputStream in = new BufferedInputStream(body);
    String start;
    try {
      in.mark(SNIFF);
      start = new String(in.readNBytes(SNIFF), StandardCharsets.UTF_8);
      in.reset();
    } catch (IOException e) {
      throw new AdapterException(url + ": " + e.getMessage(), e);
    }
    RDFFormat format = format(new Page(url, contentType, new byte[0]), start);
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    Model model = parse(url, format, parser -> parser.parse(new InputStreamReader(in, strict), url));
    if (model.isEmpty() && start.isBlank()) {
      throw new AdapterException(url + ": the body is empty; expected an RDF document");
    }
    return model;
  }

  private interface Parse {
    void run(RDFParser parser) throws IOException;
  }

  private static Model parse(String url, RDFFormat format, Parse parse) throws AdapterException {
    RDFParser parser = Rio.createParser(format);
    parser.setParserConfig(config());
    Model model = new LinkedHashModel();
    parser.setRDFHandler(new StatementCollector(model));
    try {
      parse.run(parser);
      return model;
    } catch (CharacterCodingException e) {
      throw new AdapterException(url + ": not UTF-8: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new AdapterException(url + ": " + e.getMessage(), e);
    } catch (RDFParseException e) {
      String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + Math.max(1, e.getColumnNumber()) : "";
      throw new AdapterException(url + ": malformed " + format.getName() + where + ": " + message(e), e);
    } catch (Exception e) { // Rio wraps JSON-LD and XML failures in several unchecked types
      throw new AdapterException(url + ": unreadable " + format.getName() + ": " + message(e), e);
    }
  }

  static ParserConfig config() {
    ParserConfig config = new ParserConfig();
    config.set(JSONLDSettings.DOCUMENT_LOADER, new LocalContexts());
    config.set(JSONLDSettings.SECURE_MODE, true);
    config.set(XMLParserSettings.DISALLOW_DOCTYPE_DECL, true);
    config.set(XMLParserSettings.SECURE_PROCESSING, true);
    config.set(XMLParserSettings.LOAD_EXTERNAL_DTD, false);
    config.set(XMLParserSettings.EXTERNAL_GENERAL_ENTITIES, false);
    config.set(XMLParserSettings.EXTERNAL_PARAMETER_ENTITIES, false);
    return config;
  }

  static RDFFormat format(Page page, String text) {
    Optional<RDFFormat> byType = Optional.ofNullable(page.contentType())
        .map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT))
        .flatMap(Rio::getParserFormatForMIMEType);
    return byType.or(() -> Rio.getParserFormatForFileName(path(page.url()))).orElseGet(() -> sniff(text));
  }

  private static String path(String url) {
    try {
      String path = URI.create(url).getPath();
      return path == null ? "" : path;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static RDFFormat sniff(String text) {
    String start = text.stripLeading();
    if (start.startsWith("{") || start.startsWith("[")) {
      return RDFFormat.JSONLD;
    }
    return start.startsWith("<?xml") || start.startsWith("<rdf:RDF") ? RDFFormat.RDFXML : RDFFormat.TRIG;
  }

  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(e.getMessage()).split("\n")[0];
    String cause = String.valueOf(root.getMessage()).split("\n")[0];
    return root == e || message.contains(cause) ? message : message + " (" + cause + ")";
  }
}
