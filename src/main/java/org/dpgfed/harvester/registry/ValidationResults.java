package org.dpgfed.harvester.registry;

import java.net.URI;
import java.net.URISyntaxException;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.model.Severity;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SHACL;

/**
 * A run's problem as a SHACL validation result: the record is the focus node, a property path is
 * the result path. Problems the adapters found (not a shape) name {@code dpg:FormatConstraintComponent}.
 */
final class ValidationResults {
  private ValidationResults() {}

  static void describe(Model m, Resource node, Problem p) {
    m.add(node, RDF.TYPE, SHACL.VALIDATION_RESULT);
    m.add(node, SHACL.RESULT_SEVERITY, severity(p.severity()));
    m.add(node, SHACL.RESULT_MESSAGE, Values.literal(p.message()));
    if (p.record() != null) {
      m.add(node, SHACL.FOCUS_NODE, term(p.record()));
    }
    if (p.path() != null && term(p.path()) instanceof IRI path) {
      m.add(node, SHACL.RESULT_PATH, path);
    }
    if (p.check() != null) {
      m.add(node, SHACL.SOURCE_CONSTRAINT_COMPONENT, Values.iri(p.check().component()));
      if (term(p.check().shape()) instanceof IRI shape) {
        m.add(node, SHACL.SOURCE_SHAPE, shape);
      }
    } else {
      m.add(node, SHACL.SOURCE_CONSTRAINT_COMPONENT, DPG.FORMAT_CONSTRAINT_COMPONENT);
    }
  }

  private static IRI severity(Severity severity) {
    return switch (severity) {
      case VIOLATION -> SHACL.VIOLATION;
      case WARNING -> SHACL.WARNING;
      case INFO -> SHACL.INFO;
    };
  }

  /** An absolute http(s) IRI when the text is one, else the text itself. */
  private static Value term(String text) {
    try {
      URI uri = new URI(text);
      if (uri.isAbsolute() && uri.getScheme().startsWith("http")) {
        return Values.iri(text);
      }
    } catch (URISyntaxException e) {
      // not an IRI: kept as text below
    }
    return Values.literal(text);
  }
}
