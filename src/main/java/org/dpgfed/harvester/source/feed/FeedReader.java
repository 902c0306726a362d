package org.dpgfed.harvester.source.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;
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
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.Rio;

/** Reads one document of a node's feed: the stream (which names its first page) or a page of members. */
public final class FeedReader {
  public static final String FORMAT = "feed";
  private static final String TREE = "https://w3id.org/tree#";
  private static final Pattern PRODUCT = Pattern.compile(".*/id/product/([0-9a-f]{16})");

  private FeedReader() {}

  /** A record that listed the product at the origin, and the origin's source. */
  public record OriginRecord(Resource record, Value source) {}

  /**
   * One member: a version (its description about {@link AdaptedRecord#PRODUCT}) or a removal.
   *
   * @param origin the origin node's product IRI
   */
  public record Member(long sequence, String key, IRI origin, boolean removal, Instant time, Model description,
      List<OriginRecord> records) {}

  /** @param next the page to read after this one (the first page, for the stream document) */
  public record Chunk(List<Member> members, Optional<String> next) {}

  public static Chunk read(Page page) throws AdapterException {
    Model m;
    try {
      m = Rio.parse(new ByteArrayInputStream(page.body()), page.url(), RDFFormat.TURTLE);
    } catch (RDFParseException e) {
      throw new AdapterException("the feed page " + page.url() + " is not Turtle: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new AdapterException("the feed page " + page.url() + " cannot be read: " + e.getMessage(), e);
    }
    List<Member> members = new ArrayList<>();
    for (Resource version : m.filter(null, DCTERMS.IS_VERSION_OF, null).subjects()) {
      members.add(member(m, version));
    }
    members.sort(Comparator.comparingLong(Member::sequence));
    return new Chunk(members, next(m, page.url()));
  }

  private static Optional<String> next(Model m, String url) {
    IRI self = Values.iri(url);
    for (Value relation : m.filter(self, Values.iri(TREE, "relation"), null).objects()) {
      Optional<IRI> node = Models.objectIRI(m.filter((Resource) relation, Values.iri(TREE, "node"), null));
      if (node.isPresent()) {
        return node.map(IRI::stringValue);
      }
    }
    if (m.filter(null, Values.iri(TREE, "member"), null).isEmpty()) {
      return Models.objectIRI(m.filter(null, Values.iri(TREE, "view"), null)).map(IRI::stringValue);
    }
    return Optional.empty();
  }

  private static Member member(Model m, Resource version) throws AdapterException {
    IRI origin = Models.objectIRI(m.filter(version, DCTERMS.IS_VERSION_OF, null)).orElseThrow();
    Matcher key = PRODUCT.matcher(origin.stringValue());
    if (!key.matches()) {
      throw new AdapterException("feed member " + version + " is a version of " + origin + ", not a product of a node");
    }
    long sequence = Models.objectLiteral(m.filter(version, DPG.SEQUENCE, null)).map(Literal::longValue)
        .orElseThrow(() -> new AdapterException("feed member " + version + " has no dpg:sequence"));
    Instant time = Models.objectLiteral(m.filter(version, PROV.GENERATED_AT_TIME, null))
        .map(l -> l.calendarValue().toGregorianCalendar().toInstant()).orElse(Instant.EPOCH);
    boolean removal = m.contains(version, RDF.TYPE, DPG.PRODUCT_REMOVAL);
    Model description = new LinkedHashModel();
    copy(m, version, description);
    List<OriginRecord> records = new ArrayList<>();
    for (Resource record : m.filter(null, FOAF.PRIMARY_TOPIC, version).subjects()) {
      records.add(new OriginRecord(record, Models.object(m.filter(record, DCTERMS.SOURCE, null)).orElse(null)));
    }
    return new Member(sequence, key.group(1), origin, removal, time, description, records);
  }

  /** The version's own statements, about the product placeholder, without the feed's bookkeeping. */
  private static void copy(Model m, Resource version, Model out) {
    for (Statement st : m.filter(version, null, null)) {
      IRI p = st.getPredicate();
      if (p.equals(DCTERMS.IS_VERSION_OF) || p.equals(PROV.GENERATED_AT_TIME) || p.equals(DPG.SEQUENCE)
          || p.equals(DPG.CONTENT_HASH) || p.equals(RDF.TYPE) && (st.getObject().equals(DPG.PRODUCT_VERSION)
          || st.getObject().equals(DPG.PRODUCT_REMOVAL))) {
        continue;
      }
      out.add(AdaptedRecord.PRODUCT, p, st.getObject());
      if (st.getObject() instanceof BNode node) {
        m.filter(node, null, null).forEach(b -> out.add(b.getSubject(), b.getPredicate(), b.getObject()));
      }
    }
  }
}
