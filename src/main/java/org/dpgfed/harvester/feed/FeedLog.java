package org.dpgfed.harvester.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.ProductsChanged;
import org.dpgfed.harvester.store.ResourceSet;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Statements;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * Appends feed members for the products a run touched: a new version when a product's
 * description across all sources changed, a removal when no source lists it any more. Runs inside
 * the transaction that applies the run, so the feed and the data never disagree.
 */
public final class FeedLog implements ProductsChanged {
  private static final Comparator<IRI> BY_IRI = Comparator.comparing(IRI::stringValue);

  private final Iris iris;

  public FeedLog(Iris iris) {
    this.iris = iris;
  }

  /**
   * The members a write adds: a version for each touched product whose description (across every
   * source, {@code graph} taken from {@code content}) changed, a removal for each no source lists
   * any more. They are decided while they are written, product by product, reading the other
   * sources through {@code committed}, so a run that touches many products never holds their
   * members together. A product whose new statements come in a batch of the graph's content is
   * written from that batch as soon as it is added, whether or not {@code touched} names it (a
   * product's statements all come in one batch); the rest of {@code touched}, in the order of their
   * IRIs, after the content. The members are the write's first additions, the feed's counter comes last.
   */
  @Override
  public Pending prepare(RepositoryConnection committed, Collection<IRI> touched, IRI graph, Function<IRI, Model> content,
      Instant now) {
    List<IRI> products = touched.stream().distinct().sorted(BY_IRI).toList();
    Appender appender = new Appender(committed, graph, now);
    return new Pending() {
      private final BitSet written = new BitSet(products.size());

      @Override
      public void added(RepositoryConnection conn, Model batch) {
        for (Value topic : batch.filter(null, FOAF.PRIMARY_TOPIC, null).objects()) {
          if (!(topic instanceof IRI product)) {
            continue;
          }
          int at = Collections.binarySearch(products, product, BY_IRI);
          if (at < 0 || !written.get(at)) {
            if (at >= 0) {
              written.set(at);
            }
            appender.append(conn, product, p -> batch);
          }
        }
      }

      @Override
      public void write(RepositoryConnection conn) {
        for (int i = written.nextClearBit(0); i < products.size(); i = written.nextClearBit(i + 1)) {
          appender.append(conn, products.get(i), content);
        }
        appender.finish(conn);
      }
    };
  }

  /**
   * The members for a graph dropped whole, one product at a time as the committed graph lists them:
   * a product met again is known by its hash ({@link ResourceSet}), so a large graph's products are
   * never held together.
   */
  @Override
  public Pending dropped(RepositoryConnection committed, IRI graph, Instant now) {
    Appender appender = new Appender(committed, graph, now);
    return conn -> {
      ResourceSet met = new ResourceSet();
      try (RepositoryResult<Statement> topics = committed.getStatements(null, FOAF.PRIMARY_TOPIC, null, false, graph)) {
        for (Statement st : topics) {
          if (st.getObject() instanceof IRI product && met.add(product)) {
            appender.append(conn, product, null);
          }
        }
      }
      appender.finish(conn);
    };
  }

  /** Numbers and adds one write's members, then the feed's counter. */
  private final class Appender {
    private final RepositoryConnection committed;
    private final IRI graph;
    private final Instant now;
    private final long first;
    private long sequence;

    Appender(RepositoryConnection committed, IRI graph, Instant now) {
      this.committed = committed;
      this.graph = graph;
      this.now = now;
      this.first = lastSequence(committed);
      this.sequence = first;
    }

    void append(RepositoryConnection conn, IRI product, Function<IRI, Model> from) {
      List<Statement> member = next(committed, product, sequence + 1, graph, from, now);
      if (!member.isEmpty()) {
        conn.add(member, iris.feedGraph());
        sequence++;
      }
    }

    void finish(RepositoryConnection conn) {
      if (sequence == first) {
        return;
      }
      conn.remove(iris.feed(), DPG.SEQUENCE, null, iris.feedGraph());
      conn.add(iris.feed(), DPG.SEQUENCE, Values.literal(sequence), iris.feedGraph());
    }
  }

  /** The member numbered {@code sequence} the product gets, or nothing when its last one still holds. */
  private List<Statement> next(RepositoryConnection committed, IRI product, long sequence, IRI graph,
      Function<IRI, Model> content, Instant now) {
    List<Statement> member = new ArrayList<>();
    Model current = description(committed, product, graph, content);
    Optional<Resource> latest = latest(committed, product);
    boolean removed = latest.map(v -> has(committed, v, RDF.TYPE, DPG.PRODUCT_REMOVAL)).orElse(false);
    if (current.isEmpty()) {
      if (latest.isPresent() && !removed) {
        member(member, product, sequence, now, null, null);
      }
      return member;
    }
    String hash = hash(current);
    boolean same = latest.filter(v -> !removed)
        .flatMap(v -> Models.objectLiteral(statements(committed, v, DPG.CONTENT_HASH)))
        .map(Literal::stringValue).filter(hash::equals).isPresent();
    if (!same) {
      member(member, product, sequence, now, current, hash);
    }
    return member;
  }

  /** The IRI of a product's n-th version; every member, removals too, is numbered in the feed's sequence. */
  public IRI version(IRI product, long sequence) {
    return Values.iri(product.stringValue() + "/version/" + sequence);
  }

  private void member(List<Statement> m, IRI product, long sequence, Instant now, Model description, String hash) {
    IRI member = version(product, sequence);
    m.add(Statements.statement(member, RDF.TYPE, description == null ? DPG.PRODUCT_REMOVAL : DPG.PRODUCT_VERSION, null));
    m.add(Statements.statement(member, DCTERMS.IS_VERSION_OF, product, null));
    m.add(Statements.statement(member, PROV.GENERATED_AT_TIME, Values.literal(Date.from(now)), null));
    m.add(Statements.statement(member, DPG.SEQUENCE, Values.literal(sequence), null));
    if (description != null) {
      List<Statement> snapshot = new ArrayList<>(description.size());
      for (Statement st : description) {
        Resource subject = st.getSubject().equals(product) ? member : st.getSubject();
        Value object = st.getObject().equals(product) ? member : st.getObject();
        snapshot.add(Statements.statement(subject, st.getPredicate(), object, null));
      }
      m.add(Statements.statement(member, MemberSnapshot.SNAPSHOT, MemberSnapshot.write(snapshot), null));
      m.add(Statements.statement(member, DPG.CONTENT_HASH, Values.literal(hash), null));
    }
  }

  /**
   * The product's statements in every source graph, the blank nodes they lead to, and the records
   * listing it; {@code graph}'s part comes from {@code content} instead of the store.
   */
  private Model description(RepositoryConnection conn, IRI product, IRI graph, Function<IRI, Model> content) {
    Model m = new LinkedHashModel();
    if (content != null) {
      fromContent(content.apply(product), product, m);
    }
    for (Statement st : QueryResults.asModel(conn.getStatements(product, null, null, false))) {
      if (isSourceGraph(st.getContext()) && !st.getContext().equals(graph)) {
        m.add(st.getSubject(), st.getPredicate(), st.getObject());
        if (st.getObject() instanceof BNode node) {
          QueryResults.asModel(conn.getStatements(node, null, null, false, st.getContext()))
              .forEach(b -> m.add(b.getSubject(), b.getPredicate(), b.getObject()));
        }
      }
    }
    for (Statement st : QueryResults.asModel(conn.getStatements(null, FOAF.PRIMARY_TOPIC, product, false))) {
      if (isSourceGraph(st.getContext()) && !st.getContext().equals(graph)) {
        m.add(st.getSubject(), FOAF.PRIMARY_TOPIC, product);
        QueryResults.asModel(conn.getStatements(st.getSubject(), DCTERMS.SOURCE, null, false, st.getContext()))
            .forEach(s -> m.add(s.getSubject(), s.getPredicate(), s.getObject()));
      }
    }
    return m;
  }

  private static void fromContent(Model content, IRI product, Model m) {
    for (Statement st : content.filter(product, null, null)) {
      m.add(st.getSubject(), st.getPredicate(), st.getObject());
      if (st.getObject() instanceof BNode node) {
        content.filter(node, null, null).forEach(b -> m.add(b.getSubject(), b.getPredicate(), b.getObject()));
      }
    }
    for (Resource record : content.filter(null, FOAF.PRIMARY_TOPIC, product).subjects()) {
      m.add(record, FOAF.PRIMARY_TOPIC, product);
      content.filter(record, DCTERMS.SOURCE, null).forEach(s -> m.add(s.getSubject(), s.getPredicate(), s.getObject()));
    }
  }

  private boolean isSourceGraph(Resource context) {
    return context != null && context.stringValue().startsWith(iris.sourceGraphPrefix());
  }

  private Optional<Resource> latest(RepositoryConnection conn, IRI product) {
    Resource best = null;
    long bestSequence = -1;
    for (Statement st : QueryResults.asModel(conn.getStatements(null, DCTERMS.IS_VERSION_OF, product, false, iris.feedGraph()))) {
      long n = Models.objectLiteral(statements(conn, st.getSubject(), DPG.SEQUENCE)).map(Literal::longValue).orElse(0L);
      if (n > bestSequence) {
        best = st.getSubject();
        bestSequence = n;
      }
    }
    return Optional.ofNullable(best);
  }

  private long lastSequence(RepositoryConnection conn) {
    return Models.objectLiteral(statements(conn, iris.feed(), DPG.SEQUENCE)).map(Literal::longValue).orElse(0L);
  }

  private Model statements(RepositoryConnection conn, Resource subject, IRI predicate) {
    return QueryResults.asModel(conn.getStatements(subject, predicate, null, false, iris.feedGraph()));
  }

  private boolean has(RepositoryConnection conn, Resource s, IRI p, Value o) {
    return conn.hasStatement(s, p, o, false, iris.feedGraph());
  }

  /** A hash of the description that ignores blank node labels. */
  static String hash(Model description) {
    List<String> lines = description.stream().map(st -> term(st.getSubject()) + " " + st.getPredicate() + " "
        + term(st.getObject()) + " " + (st.getObject() instanceof BNode b ? blankContent(description, b) : "")).sorted().toList();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String term(Value v) {
    return v instanceof BNode ? "_" : v.toString();
  }

  private static String blankContent(Model m, BNode node) {
    return m.filter(node, null, null).stream().map(st -> st.getPredicate() + "=" + term(st.getObject())).sorted().toList().toString();
  }
}
