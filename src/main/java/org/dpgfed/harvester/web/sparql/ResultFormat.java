package org.dpgfed.harvester.web.sparql;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * The conneg table of the endpoint: each format's {@code format=} name, media type and the query
 * forms it serves, in the order of preference (the first of a form is its default).
 */
public enum ResultFormat {
  JSON("json", "application/sparql-results+json", Form.TUPLE, Form.BOOLEAN),
  XML("xml", "application/sparql-results+xml", Form.TUPLE, Form.BOOLEAN),
  CSV("csv", "text/csv", Form.TUPLE),
  TSV("tsv", "text/tab-separated-values", Form.TUPLE),
  TURTLE("turtle", "text/turtle", Form.GRAPH),
  NTRIPLES("ntriples", "application/n-triples", Form.GRAPH),
  JSONLD("jsonld", "application/ld+json", Form.GRAPH),
  RDFXML("rdfxml", "application/rdf+xml", Form.GRAPH),
  NQUADS("nquads", "application/n-quads", Form.GRAPH),
  TRIG("trig", "application/trig", Form.GRAPH);

  /** The query forms, by what their results are. */
  public enum Form { TUPLE, BOOLEAN, GRAPH }

  private final String shortName;
  private final String mediaType;
  private final List<Form> forms;

  ResultFormat(String shortName, String mediaType, Form... forms) {
    this.shortName = shortName;
    this.mediaType = mediaType;
    this.forms = List.of(forms);
  }

  public String shortName() {
    return shortName;
  }

  public String mediaType() {
    return mediaType;
  }

  public boolean serves(Form form) {
    return forms.contains(form);
  }

  public static Optional<ResultFormat> byName(String name) {
    return Arrays.stream(values()).filter(f -> f.shortName.equals(name)).findFirst();
  }

  public static Optional<ResultFormat> byMediaType(String mediaType) {
    return Arrays.stream(values()).filter(f -> f.mediaType.equals(mediaType)).findFirst();
  }

  /** Media types serving a form, default first. */
  public static List<String> mediaTypes(Form form) {
    return Arrays.stream(values()).filter(f -> f.serves(form)).map(ResultFormat::mediaType).toList();
  }

  /** The RDF format an Accept header asks for, or 406 naming what is on offer. */
  public static ResultFormat negotiateRdf(String accept, String what) {
    String mediaType = org.dpgfed.harvester.web.ConNeg.choose(accept, mediaTypes(Form.GRAPH))
        .orElseThrow(() -> new org.dpgfed.harvester.web.HttpError(406, what + " is RDF: ask for one of "
            + String.join(", ", mediaTypes(Form.GRAPH))));
    return byMediaType(mediaType).orElseThrow();
  }

  TupleQueryResultFormat tupleFormat() {
    return switch (this) {
      case JSON -> TupleQueryResultFormat.JSON;
      case XML -> TupleQueryResultFormat.SPARQL;
      case CSV -> TupleQueryResultFormat.CSV;
      case TSV -> TupleQueryResultFormat.TSV;
      default -> throw new IllegalStateException(this + " is not a SELECT format");
    };
  }

  BooleanQueryResultFormat booleanFormat() {
    return this == XML ? BooleanQueryResultFormat.SPARQL : BooleanQueryResultFormat.JSON;
  }

  public RDFFormat rdfFormat() {
    return switch (this) {
      case TURTLE -> RDFFormat.TURTLE;
      case NTRIPLES -> RDFFormat.NTRIPLES;
      case JSONLD -> RDFFormat.JSONLD;
      case RDFXML -> RDFFormat.RDFXML;
      case NQUADS -> RDFFormat.NQUADS;
      case TRIG -> RDFFormat.TRIG;
      default -> throw new IllegalStateException(this + " is not an RDF format");
    };
  }

  /** The Content-Type header: text formats say their charset. */
  public String contentType() {
    return mediaType + "; charset=utf-8";
  }

}
