package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dpgfed.harvester.model.Severity;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.RDFCollections;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SHACL;

/**
 * The rules of a SHACL shapes file, in the subset the node checks: node shapes with a target
 * class, property shapes with a path, a minimum count, a qualified value shape (a pattern) with a
 * qualified minimum count, an {@code sh:or} of property shapes, a severity and a message. Any
 * other SHACL term is refused, so that the file never says more than the node checks.
 */
final class ShapeRules {
  private static final Set<IRI> NODE_TERMS = Set.of(SHACL.TARGET_CLASS, SHACL.SEVERITY_PROP, SHACL.MESSAGE,
      SHACL.PROPERTY, SHACL.OR);
  private static final Set<IRI> PROPERTY_TERMS = Set.of(SHACL.PATH, SHACL.MIN_COUNT, SHACL.SEVERITY_PROP,
      SHACL.MESSAGE, SHACL.QUALIFIED_VALUE_SHAPE, SHACL.QUALIFIED_MIN_COUNT);

  private ShapeRules() {}

  /** One property shape: at least {@code minCount} values, of which {@code qualifiedMinCount} match {@code pattern}. */
  record PropertyRule(Resource shape, IRI path, int minCount, Pattern pattern, int qualifiedMinCount,
      Severity severity, String message) {}

  /** One node shape: the class it targets and its rules; {@code anyOf} holds when one of its rules does. */
  record NodeRule(Resource shape, IRI targetClass, Severity severity, String message, List<PropertyRule> properties,
      List<PropertyRule> anyOf) {}

  static List<NodeRule> read(Model shapes) {
    List<NodeRule> rules = new ArrayList<>();
    for (Resource shape : shapes.filter(null, RDF.TYPE, SHACL.NODE_SHAPE).subjects()) {
      requireOnly(shapes, shape, NODE_TERMS);
      IRI target = Models.objectIRI(shapes.filter(shape, SHACL.TARGET_CLASS, null))
          .orElseThrow(() -> new IllegalStateException("the shape " + shape + " has no sh:targetClass"));
      List<PropertyRule> properties = new ArrayList<>();
      for (Value property : shapes.filter(shape, SHACL.PROPERTY, null).objects()) {
        properties.add(property(shapes, (Resource) property));
      }
      List<PropertyRule> anyOf = new ArrayList<>();
      for (Value list : shapes.filter(shape, SHACL.OR, null).objects()) {
        RDFCollections.asValues(shapes, (Resource) list, new ArrayList<>())
            .forEach(member -> anyOf.add(property(shapes, (Resource) member)));
      }
      rules.add(new NodeRule(shape, target, severity(shapes, shape), message(shapes, shape).orElse(null), properties, anyOf));
    }
    return rules;
  }

  private static PropertyRule property(Model shapes, Resource shape) {
    requireOnly(shapes, shape, PROPERTY_TERMS);
    IRI path = Models.objectIRI(shapes.filter(shape, SHACL.PATH, null))
        .orElseThrow(() -> new IllegalStateException("the property shape " + shape + " has no IRI sh:path"));
    Pattern pattern = null;
    Optional<Resource> qualified = Models.objectResource(shapes.filter(shape, SHACL.QUALIFIED_VALUE_SHAPE, null));
    if (qualified.isPresent()) {
      requireOnly(shapes, qualified.get(), Set.of(SHACL.PATTERN));
      pattern = Pattern.compile(Models.objectString(shapes.filter(qualified.get(), SHACL.PATTERN, null))
          .orElseThrow(() -> new IllegalStateException("the qualified value shape of " + shape + " has no sh:pattern")));
    }
    String message = message(shapes, shape).orElse("fewer values of <" + path + "> than required");
    return new PropertyRule(shape, path, count(shapes, shape, SHACL.MIN_COUNT), pattern,
        count(shapes, shape, SHACL.QUALIFIED_MIN_COUNT), severity(shapes, shape), message);
  }

  private static void requireOnly(Model shapes, Resource shape, Set<IRI> allowed) {
    for (Statement st : shapes.filter(shape, null, null)) {
      IRI p = st.getPredicate();
      if (p.getNamespace().equals(SHACL.NAMESPACE) && !allowed.contains(p)) {
        throw new IllegalStateException("the shapes use " + p + " on " + shape + ", which the node does not check");
      }
    }
  }

  private static int count(Model shapes, Resource shape, IRI property) {
    return Models.objectLiteral(shapes.filter(shape, property, null)).map(Literal::intValue).orElse(0);
  }

  /** SHACL's default severity is sh:Violation; it is never inherited from an enclosing shape. */
  private static Severity severity(Model shapes, Resource shape) {
    IRI written = Models.objectIRI(shapes.filter(shape, SHACL.SEVERITY_PROP, null)).orElse(SHACL.VIOLATION);
    if (written.equals(SHACL.VIOLATION)) {
      return Severity.VIOLATION;
    }
    if (written.equals(SHACL.WARNING)) {
      return Severity.WARNING;
    }
    if (written.equals(SHACL.INFO)) {
      return Severity.INFO;
    }
    throw new IllegalStateException("the shape " + shape + " has the unknown severity " + written);
  }

  private static Optional<String> message(Model shapes, Resource shape) {
    return Models.objectLiterals(shapes.filter(shape, SHACL.MESSAGE, null)).stream()
        .sorted((a, b) -> Boolean.compare(!"en".equals(a.getLanguage().orElse("")), !"en".equals(b.getLanguage().orElse(""))))
        .map(Literal::getLabel).findFirst();
  }
}
