package org.dpgfed.harvester.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.vocab.Schema;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;

/** One record while it is being mapped: its statements, identity URLs and problems. */
public final class Draft {
  private final String id;
  private final String pointer;
  private final Model model = new LinkedHashModel();
  private final Set<String> repositories = new LinkedHashSet<>();
  private final Set<String> websites = new LinkedHashSet<>();
  private final List<String> otherIds = new ArrayList<>();
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

  /** Takes back a statement (an adapter that copies a source's own statements, then corrects some). */
  public void remove(Resource subject, IRI property, Value value) {
    model.remove(subject, property, value);
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

  /**
   * A person the source names as a contact. Kept apart from the product description: the node
   * stores it in its private graph when privacy.storeContacts allows, and nowhere otherwise.
   */
  public void contact(Optional<String> name, Optional<String> email, Optional<String> phone) {
    Optional<IRI> mailbox = email.map(String::strip).filter(e -> e.matches("[^\\s@<>\"]+@[^\\s@<>\"]+"))
        .map(e -> Values.iri("mailto:" + e));
    Optional<IRI> telephone = phone.map(p -> p.replaceAll("[\\s().-]", "")).filter(p -> p.matches("\\+?[0-9]{3,20}"))
        .map(p -> Values.iri("tel:" + p));
    if (name.isEmpty() && mailbox.isEmpty() && telephone.isEmpty()) {
      return;
    }
    BNode person = node(VCARD4.INDIVIDUAL);
    product(DCAT.CONTACT_POINT, person);
    name.ifPresent(n -> add(person, VCARD4.FN, Values.literal(n)));
    mailbox.ifPresent(m -> add(person, VCARD4.HAS_EMAIL, m));
    telephone.ifPresent(t -> add(person, VCARD4.HAS_TELEPHONE, t));
  }

  /** A further id the source has used for the record. */
  public void otherId(String otherId) {
    otherIds.add(otherId);
  }

  /**
   * A repository URL as written: kept as {@code schema:codeRepository} and, unless it names only
   * an account or group, used to identify the product. False when it is not an http(s) URL.
   */
  public boolean codeRepository(String written, String path) {
    Optional<String> url = Urls.repository(written);
    if (url.isEmpty()) {
      warn(path, "'" + written + "' is not a repository URL; dropped");
      return false;
    }
    product(Schema.CODE_REPOSITORY, Values.iri(url.get()));
    if (Urls.ownerOnly(url.get())) {
      warn(path, url.get() + " names an account or group, not a repository; not used to identify the product");
    } else {
      repository(url.get());
    }
    return true;
  }

  /** A website as written: kept as {@code foaf:homepage}; identifies the product when it has no repository. */
  public void homepage(String written, String path) {
    Optional<String> link = Urls.link(written);
    if (link.isEmpty()) {
      warn(path, "the website '" + written + "' is not an http(s) URL; dropped");
      return;
    }
    product(FOAF.HOMEPAGE, Values.iri(link.get()));
    Urls.website(link.get()).ifPresent(this::website);
  }

  public AdaptedRecord build() {
    return new AdaptedRecord(id, otherIds, List.copyOf(repositories), List.copyOf(websites), model, problems);
  }
}
