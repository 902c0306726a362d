package org.dpgfed.harvester.web.ld;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;

/** A readable page for one resource: a summary of what matters to people, then every statement. */
final class HtmlPage {
  private static final String SCHEMA = "http://schema.org/";
  private static final String DPG = "https://w3id.org/dpgfed/vocab#";

  private HtmlPage() {}

  static String render(IRI subject, Model m) {
    String title = label(m, subject).orElse(subject.stringValue());
    StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(escape(title)).append("</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;")
        .append("margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0645ad}")
        .append("table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ccc;padding:.3rem;")
        .append("text-align:left;vertical-align:top;word-break:break-word}</style></head><body><main>\n<h1>")
        .append(escape(title)).append("</h1>\n<p><a href=\"").append(escape(subject.stringValue())).append("\">")
        .append(escape(subject.stringValue())).append("</a></p>\n");
    Models.objectLiteral(m.filter(subject, DCTERMS.DESCRIPTION, null))
        .ifPresent(d -> html.append("<p>").append(escape(d.getLabel())).append("</p>\n"));
    section(html, "Licences", m, subject, DCTERMS.LICENSE);
    section(html, "Sustainable Development Goals", m, subject, DCTERMS.SUBJECT);
    section(html, "Deployed in", m, subject, org.eclipse.rdf4j.model.util.Values.iri(DPG, "deploymentCountry"));
    section(html, "Code repositories", m, subject, org.eclipse.rdf4j.model.util.Values.iri(SCHEMA, "codeRepository"));
    section(html, "Website", m, subject, FOAF.HOMEPAGE);
    listedBy(html, m, subject);
    statements(html, m, subject);
    return html.append("</main></body></html>\n").toString();
  }

  private static void section(StringBuilder html, String heading, Model m, Resource subject, IRI property) {
    List<Value> values = m.filter(subject, property, null).objects().stream()
        .sorted(Comparator.comparing(Value::stringValue)).toList();
    if (values.isEmpty()) {
      return;
    }
    html.append("<h2>").append(escape(heading)).append("</h2>\n<ul>");
    values.forEach(v -> html.append("<li>").append(value(m, v)).append("</li>"));
    html.append("</ul>\n");
  }

  private static void listedBy(StringBuilder html, Model m, Resource subject) {
    List<Resource> mentions = m.filter(null, null, subject).subjects().stream()
        .sorted(Comparator.comparing(Value::stringValue)).toList();
    if (mentions.isEmpty()) {
      return;
    }
    html.append("<h2>Listed by</h2>\n<ul>");
    for (Resource record : mentions) {
      html.append("<li>").append(value(m, record));
      Models.objectIRI(m.filter(record, DCTERMS.SOURCE, null))
          .ifPresent(source -> html.append(" in ").append(value(m, source)));
      html.append("</li>");
    }
    html.append("</ul>\n");
  }

  private static void statements(StringBuilder html, Model m, Resource subject) {
    html.append("<h2>All statements</h2>\n<table><thead><tr><th scope=\"col\">Property</th>")
        .append("<th scope=\"col\">Value</th></tr></thead><tbody>\n");
    for (Statement st : m.filter(subject, null, null).stream()
        .sorted(Comparator.comparing((Statement s) -> s.getPredicate().stringValue())
            .thenComparing(s -> s.getObject().stringValue())).toList()) {
      html.append("<tr><td>").append(link(st.getPredicate(), st.getPredicate().getLocalName())).append("</td><td>")
          .append(value(m, st.getObject())).append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private static String value(Model m, Value v) {
    if (v instanceof IRI iri) {
      return link(iri, label(m, iri).orElse(iri.stringValue()));
    }
    if (v instanceof Literal literal) {
      return escape(literal.getLabel()) + literal.getLanguage().map(l -> " <small>(" + escape(l) + ")</small>").orElse("");
    }
    return m.filter((Resource) v, null, null).stream()
        .map(st -> escape(st.getPredicate().getLocalName()) + ": " + (st.getObject().isBNode() ? "…" : value(m, st.getObject())))
        .collect(Collectors.joining("; ", "<span>", "</span>"));
  }

  private static String link(IRI iri, String text) {
    return "<a href=\"" + escape(iri.stringValue()) + "\">" + escape(text) + "</a>";
  }

  private static Optional<String> label(Model m, Resource r) {
    if (r.stringValue().matches("http://metadata\\.un\\.org/sdg/\\d{1,2}")
        && m.filter(r, SKOS.PREF_LABEL, null).isEmpty()) {
      return Optional.of("SDG " + r.stringValue().substring("http://metadata.un.org/sdg/".length()));
    }
    for (IRI property : List.of(DCTERMS.TITLE, SKOS.PREF_LABEL, RDFS.LABEL, FOAF.NAME)) {
      Optional<String> english = m.filter(r, property, null).objects().stream().filter(v -> v instanceof Literal)
          .map(v -> (Literal) v).filter(l -> l.getLanguage().map(t -> t.startsWith("en")).orElse(true))
          .map(Literal::getLabel).sorted().findFirst();
      if (english.isPresent()) {
        return english;
      }
    }
    return Optional.empty();
  }

  static String escape(String text) {
    return org.dpgfed.harvester.web.Html.escape(text);
  }
}
