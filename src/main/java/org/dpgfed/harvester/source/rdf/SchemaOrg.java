package org.dpgfed.harvester.source.rdf;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;

/** schema.org terms written with {@code https://} become the {@code http://} form the store speaks. */
final class SchemaOrg {
  private static final String HTTPS = "https://schema.org/";

  private SchemaOrg() {}

  static Model toHttp(Model model) {
    Model out = new LinkedHashModel(model.size());
    for (Statement st : model) {
      out.add(st.getSubject(), (org.eclipse.rdf4j.model.IRI) http(st.getPredicate()), http(st.getObject()));
    }
    return out;
  }

  private static Value http(Value value) {
    return value.isIRI() && value.stringValue().startsWith(HTTPS)
        ? Values.iri("http://schema.org/" + value.stringValue().substring(HTTPS.length())) : value;
  }
}
