package org.dpgfed.harvester.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;

/**
 * A node's change feed read as a client reads it: from {@code /feed}, page after page along each
 * page's {@code tree:relation}, every member with its product, number and kind.
 */
public record FeedReplay(List<Member> members, int pages) {
  private static final String TREE = "https://w3id.org/tree#";
  private static final Node IS_VERSION_OF = uri("http://purl.org/dc/terms/isVersionOf");
  private static final Node SEQUENCE = uri("https://w3id.org/dpgfed/vocab#sequence");
  private static final Node TYPE = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  private static final Node REMOVAL = uri("https://w3id.org/dpgfed/vocab#ProductRemoval");

  /** One member: a version of the product, or its removal. */
  public record Member(String product, long sequence, boolean removal) {}

  public static FeedReplay of(TestNode node) {
    Node feed = uri(TestNode.BASE + "/feed");
    String next = get(node, node.url("/feed")).find(feed, uri(TREE + "view"), null).next().getObject().getURI();
    List<Member> members = new ArrayList<>();
    int pages = 0;
    while (next != null) {
      Graph page = get(node, local(node, next));
      pages++;
      for (Triple member : page.find(feed, uri(TREE + "member"), null).toList()) {
        Node version = member.getObject();
        String product = page.find(version, IS_VERSION_OF, null).next().getObject().getURI();
        long sequence = ((Number) page.find(version, SEQUENCE, null).next().getObject().getLiteralValue()).longValue();
        members.add(new Member(product, sequence, page.contains(version, TYPE, REMOVAL)));
      }
      var relation = page.find(uri(next), uri(TREE + "relation"), null);
      if (relation.hasNext()) {
        Node r = relation.next().getObject();
        assertTrue(page.contains(r, TYPE, uri(TREE + "GreaterThanOrEqualToRelation")));
        assertTrue(page.find(r, uri(TREE + "path"), null).hasNext());
        assertTrue(page.find(r, uri(TREE + "value"), null).hasNext());
        next = page.find(r, uri(TREE + "node"), null).next().getObject().getURI();
      } else {
        next = null;
      }
    }
    return new FeedReplay(members, pages);
  }

  /** Each product's member with the highest number. */
  public Map<String, Member> latest() {
    Map<String, Member> latest = new HashMap<>();
    members.forEach(m -> latest.merge(m.product(), m, (a, b) -> a.sequence() >= b.sequence() ? a : b));
    return latest;
  }

  /** The products whose latest member is a version: what a client replaying the feed holds. */
  public Set<String> current() {
    Set<String> current = new HashSet<>();
    latest().forEach((product, member) -> {
      if (!member.removal()) {
        current.add(product);
      }
    });
    return current;
  }

  /** The highest member number, 0 for an empty feed. */
  public long lastSequence() {
    return members.stream().mapToLong(Member::sequence).max().orElse(0);
  }

  public static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static String local(TestNode node, String iri) {
    return node.url(iri.substring(TestNode.BASE.length()));
  }

  private static Graph get(TestNode node, String url) {
    HttpResponse<String> response = Http.get(url, "text/turtle");
    assertEquals(200, response.statusCode(), url + ": " + response.body());
    return RDFParser.fromString(response.body(), Lang.TURTLE).toGraph();
  }
}
