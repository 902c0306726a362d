package org.dpgfed.harvester.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/** One record while it is being mapped: its statements, identity URLs and problems. */
public final class Draft {
  private final String id;
  private final String pointer;
  private final Model model = new LinkedHashModel();
  private final Set<String> repositories = new LinkedHashSet<>();
  private final Set<String> websites = new LinkedHashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  /**
   * @param id the record's id in the registry, or null
   * @param pointer JSON pointer of the record in the page ("" for a page that is one record)
   */
  public Draft(String id, String pointer) {
    this.id = id;
    this.pointer = pointer;
  }

  public void product(IRI property, Value value) {
    model.add(AdaptedRecord.PRODUCT, property, value);
  }

  public void add(Resource subject, IRI property, Value value) {
    model.add(subject, property, value);
  }

  public BNode node(IRI type) {
    BNode node = Values.bnode();
    model.add(node, RDF.TYPE, type);
    return node;
  }

  /** A normalised repository URL that identifies the product. */
  public void repository(String url) {
    repositories.add(url);
  }

  /** A normalised website URL, which identifies the product when it has no repository. */
  public void website(String url) {
    websites.add(url);
  }

  /** {@code path} is relative to the record, like "/license/0/spdx". */
  public void warn(String path, String message) {
    problems.add(Problem.warning(id, pointer + path, message));
  }

  public void violation(String path, String message) {
    problems.add(Problem.violation(id, pointer + path, message));
  }

  public AdaptedRecord build() {
    return new AdaptedRecord(id, List.of(), List.copyOf(repositories), List.copyOf(websites), model, problems);
  }
}
