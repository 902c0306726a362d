package org.dpgfed.harvester.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.model.Severity;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SHACL;

/** How sources, runs and run reports are written as RDF in the meta graph, and read back. */
final class MetaGraph {
  private static final int PROBLEMS_PER_BATCH = 1_000;
  private final Iris iris;

  MetaGraph(Iris iris) {
    this.iris = iris;
  }

  Model describe(Source s) {
    Model m = new LinkedHashModel();
    IRI subject = iris.source(s.id());
    m.add(subject, RDF.TYPE, DPG.SOURCE);
    m.add(subject, RDF.TYPE, DCAT.CATALOG);
    m.add(subject, DCTERMS.IDENTIFIER, Values.literal(s.id()));
    m.add(subject, DCTERMS.TITLE, Values.literal(s.title()));
    m.add(subject, DPG.URL, Values.literal(s.url()));
    m.add(subject, DPG.FORMAT, Values.literal(s.format()));
    m.add(subject, DPG.SCHEDULE, Values.literal(s.schedule()));
    m.add(subject, DPG.ENABLED, Values.literal(s.enabled()));
    m.add(subject, DPG.FROM_CONFIG, Values.literal(s.fromConfig()));
    m.add(subject, DCTERMS.CREATED, Values.literal(Date.from(s.createdAt())));
    if (s.country() != null) {
      m.add(subject, DPG.COUNTRY, Values.literal(s.country()));
    }
    if (s.query() != null) {
      m.add(subject, DPG.QUERY, Values.literal(s.query()));
    }
    return m;
  }

  Source source(Model m, Resource subject) {
    return new Source(
        text(m, subject, DCTERMS.IDENTIFIER), text(m, subject, DCTERMS.TITLE), text(m, subject, DPG.URL),
        text(m, subject, DPG.FORMAT), text(m, subject, DPG.SCHEDULE), text(m, subject, DPG.COUNTRY),
        literal(m, subject, DPG.ENABLED).map(Literal::booleanValue).orElse(true),
        text(m, subject, DPG.QUERY), instant(m, subject, DCTERMS.CREATED),
        literal(m, subject, DPG.FROM_CONFIG).map(Literal::booleanValue).orElse(false));
  }

  Model describe(Run r) {
    Model m = new LinkedHashModel();
    IRI subject = iris.run(r.id());
    m.add(subject, RDF.TYPE, DPG.RUN);
    m.add(subject, RDF.TYPE, PROV.ACTIVITY);
    m.add(subject, DCTERMS.IDENTIFIER, Values.literal(r.id()));
    m.add(subject, PROV.USED, iris.source(r.source()));
    m.add(subject, DPG.SOURCE_ID, Values.literal(r.source()));
    m.add(subject, DPG.STATUS, Values.literal(r.status().label()));
    m.add(subject, PROV.STARTED_AT_TIME, Values.literal(Date.from(r.startedAt())));
    if (r.finishedAt() != null) {
      m.add(subject, PROV.ENDED_AT_TIME, Values.literal(Date.from(r.finishedAt())));
    }
    addCount(m, subject, DPG.RECORDS, r.records());
    addCount(m, subject, DPG.TRIPLES, r.triples());
    addCount(m, subject, DPG.ADDED, r.added());
    addCount(m, subject, DPG.REMOVED, r.removed());
    addCount(m, subject, DPG.INVALID, r.invalid());
    if (r.error() != null) {
      m.add(subject, DPG.ERROR, Values.literal(r.error()));
    }
    if (r.retrieval() != null) {
      describe(m, subject, r.retrieval());
    }
    return m;
  }

  /** The parts of a retrieval that are known, as properties of a run or a source. */
  static void describe(Model m, IRI subject, Retrieval r) {
    addCount(m, subject, DPG.HTTP_STATUS, r.httpStatus());
    addText(m, subject, DPG.ETAG, r.etag());
    addText(m, subject, DPG.LAST_MODIFIED, r.lastModified());
    addText(m, subject, DPG.CONTENT_HASH, r.contentHash());
  }

  static Retrieval retrieval(Model m, Resource subject) {
    Retrieval r = new Retrieval(integer(m, subject, DPG.HTTP_STATUS), text(m, subject, DPG.ETAG),
        text(m, subject, DPG.LAST_MODIFIED), text(m, subject, DPG.CONTENT_HASH));
    return r.equals(Retrieval.NONE) ? null : r;
  }

  Run run(Model m, Resource subject) {
    return new Run(
        text(m, subject, DCTERMS.IDENTIFIER), text(m, subject, DPG.SOURCE_ID),
        RunStatus.of(text(m, subject, DPG.STATUS)), instant(m, subject, PROV.STARTED_AT_TIME),
        instant(m, subject, PROV.ENDED_AT_TIME), integer(m, subject, DPG.RECORDS),
        literal(m, subject, DPG.TRIPLES).map(Literal::longValue).orElse(null),
        integer(m, subject, DPG.ADDED), integer(m, subject, DPG.REMOVED), integer(m, subject, DPG.INVALID),
        text(m, subject, DPG.ERROR), retrieval(m, subject));
  }

  /**
   * A run's problems, each a node with its position so the report pages in a stable order; the
   * same nodes are the results of a SHACL validation report linked from the run.
   */
  /** A run's validation report, handed over in batches of {@value #PROBLEMS_PER_BATCH} problems. */
  void describe(String runId, Iterable<Problem> problems, java.util.function.Consumer<Model> batch) {
    boolean conforms = true;
    for (Problem p : problems) {
      conforms &= p.severity() != Severity.VIOLATION;
    }
    Model m = new LinkedHashModel();
    IRI run = iris.run(runId);
    BNode report = Values.bnode();
    m.add(run, DPG.VALIDATION_REPORT, report);
    m.add(report, RDF.TYPE, SHACL.VALIDATION_REPORT);
    m.add(report, SHACL.CONFORMS, Values.literal(conforms));
    int i = 0;
    for (Problem p : problems) {
      BNode node = Values.bnode();
      m.add(run, DPG.HAS_PROBLEM, node);
      m.add(report, SHACL.RESULT, node);
      m.add(node, RDF.TYPE, DPG.PROBLEM);
      m.add(node, DPG.INDEX, Values.literal(i++));
      m.add(node, DPG.SEVERITY, Values.literal(p.severity().label()));
      m.add(node, DPG.MESSAGE, Values.literal(p.message()));
      if (p.record() != null) {
        m.add(node, DPG.RECORD, Values.literal(p.record()));
      }
      if (p.path() != null) {
        m.add(node, DPG.PATH, Values.literal(p.path()));
      }
      ValidationResults.describe(m, node, p);
      if (i % PROBLEMS_PER_BATCH == 0) {
        batch.accept(m);
        m = new LinkedHashModel();
      }
    }
    if (!m.isEmpty()) {
      batch.accept(m);
    }
  }

  static Problem problem(Model m, Resource node) {
    return new Problem(text(m, node, DPG.RECORD), Severity.valueOf(text(m, node, DPG.SEVERITY).toUpperCase()),
        text(m, node, DPG.PATH), text(m, node, DPG.MESSAGE));
  }

  static List<Resource> subjects(Model m, IRI type) {
    return new ArrayList<>(m.filter(null, RDF.TYPE, type).subjects());
  }

  private static void addCount(Model m, IRI subject, IRI property, Number count) {
    if (count != null) {
      m.add(subject, property, count instanceof Long l ? Values.literal(l) : Values.literal(count.intValue()));
    }
  }

  private static void addText(Model m, IRI subject, IRI property, String text) {
    if (text != null) {
      m.add(subject, property, Values.literal(text));
    }
  }

  private static Optional<Literal> literal(Model m, Resource subject, IRI property) {
    return Models.objectLiteral(m.filter(subject, property, null));
  }

  private static String text(Model m, Resource subject, IRI property) {
    return Models.object(m.filter(subject, property, null)).map(Value::stringValue).orElse(null);
  }

  private static Integer integer(Model m, Resource subject, IRI property) {
    return literal(m, subject, property).map(Literal::intValue).orElse(null);
  }

  private static Instant instant(Model m, Resource subject, IRI property) {
    return literal(m, subject, property).map(l -> l.calendarValue().toGregorianCalendar().toInstant()).orElse(null);
  }
}
