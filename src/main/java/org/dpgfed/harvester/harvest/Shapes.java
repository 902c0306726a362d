package org.dpgfed.harvester.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SHACL;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * Checks each record's product description against the shapes of {@code vocab/shapes}: what it
 * finds joins the record's problems, so a violation keeps the record out like any other.
 */
public final class Shapes {
  private static final String FILE = "/vocab/shapes/dpg-shapes.ttl";
  private static final Shapes STANDARD = new Shapes(load());

  private final List<ShapeRules.NodeRule> rules;

  public Shapes(Model shapes) {
    this.rules = ShapeRules.read(shapes);
  }

  /** The shapes every node publishes (immutable, read once). */
  public static Shapes standard() {
    return STANDARD;
  }

  /** The records with the shapes' findings added; records already invalid are left as they are. */
  public List<AdaptedRecord> check(List<AdaptedRecord> records) {
    List<AdaptedRecord> checked = new ArrayList<>(records.size());
    for (AdaptedRecord record : records) {
      checked.add(check(record));
    }
    return checked;
  }

  /** The record with the shapes' findings added; a record already invalid is left as it is. */
  public AdaptedRecord check(AdaptedRecord record) {
    List<Problem> found = record.valid() ? check(record.description()) : List.of();
    return found.isEmpty() ? record : new AdaptedRecord(record.id(), record.otherIds(), record.repositories(),
        record.websites(), record.description(), concat(record.problems(), found));
  }

  /** What the shapes find in one description (problems without a record; the minter names it). */
  public List<Problem> check(Model description) {
    List<Problem> found = new ArrayList<>();
    for (ShapeRules.NodeRule rule : rules) {
      for (Resource focus : description.filter(null, RDF.TYPE, rule.targetClass()).subjects()) {
        for (ShapeRules.PropertyRule property : rule.properties()) {
          failure(description, focus, property).ifPresent(found::add);
        }
        if (!rule.anyOf().isEmpty() && rule.anyOf().stream().allMatch(p -> failure(description, focus, p).isPresent())) {
          found.add(new Problem(null, rule.severity(), null, rule.message(),
              new Problem.Check(rule.shape().stringValue(), SHACL.OR_CONSTRAINT_COMPONENT.stringValue())));
        }
      }
    }
    return found;
  }

  private static java.util.Optional<Problem> failure(Model description, Resource focus, ShapeRules.PropertyRule rule) {
    List<Value> values = new ArrayList<>(description.filter(focus, rule.path(), null).objects());
    String component = null;
    if (values.size() < rule.minCount()) {
      component = SHACL.MIN_COUNT_CONSTRAINT_COMPONENT.stringValue();
    } else if (rule.pattern() != null && values.stream().filter(v -> !v.isBNode())
        .filter(v -> rule.pattern().matcher(v.stringValue()).find()).count() < rule.qualifiedMinCount()) {
      component = SHACL.QUALIFIED_MIN_COUNT_CONSTRAINT_COMPONENT.stringValue();
    }
    return java.util.Optional.ofNullable(component).map(c -> new Problem(null, rule.severity(), rule.path().stringValue(),
        rule.message(), new Problem.Check(rule.shape().stringValue(), c)));
  }

  private static List<Problem> concat(List<Problem> a, List<Problem> b) {
    List<Problem> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Model load() {
    try (InputStream in = Shapes.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + FILE);
      }
      return Rio.parse(in, RDFFormat.TURTLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
