package org.dpgfed.harvester.source.rdf;

import java.io.StringReader;
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
  private RdfSyntax() {}

  static Model parse(Page page) throws AdapterException {
    String text = Bodies.text(page, "an RDF document");
    RDFFormat format = format(page, text);
    RDFParser parser = Rio.createParser(format);
    parser.setParserConfig(config());
    Model model = new LinkedHashModel();
    parser.setRDFHandler(new StatementCollector(model));
    try {
      parser.parse(new StringReader(text), page.url());
      return model;
    } catch (RDFParseException e) {
      String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + Math.max(1, e.getColumnNumber()) : "";
      throw new AdapterException(page.url() + ": malformed " + format.getName() + where + ": " + message(e), e);
    } catch (Exception e) { // Rio wraps JSON-LD and XML failures in several unchecked types
      throw new AdapterException(page.url() + ": unreadable " + format.getName() + ": " + message(e), e);
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
