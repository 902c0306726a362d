package org.dpgfed.harvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Statements;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphDiffTest {
  private static final IRI GRAPH = Values.iri("https://node.example.org/graph/source/a");
  private static final IRI OTHER = Values.iri("https://node.example.org/graph/source/b");
  private static final String EX = "https://node.example.org/";

  /**
   * Random old and new contents drawn from small pools, so that they share most subjects and many
   * statements; {@code spread}: a subject's new statements may come in several batches, and those
   * of the earlier ones stay.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theGraphEndsAsTheNewContentWritingOnlyWhatDiffers(boolean spread, @TempDir Path dir) {
    Random random = new Random(spread ? 11 : 7);
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      for (int round = 0; round < 25; round++) {
        Set<Statement> old = content(random);
        Set<Statement> fresh = content(random);
        Set<Statement> other = content(random);
        fill(store, old, other);
        long[] written = replace(store, bySubject(fresh, random, spread));
        assertEquals(fresh, triples(store, GRAPH), "round " + round);
        assertEquals(other, triples(store, OTHER), "the other graph, round " + round);
        if (!spread) { // a subject met again has its statements written again
          assertEquals(difference(fresh, old), written[0], "added, round " + round);
          assertEquals(difference(old, fresh), written[1], "removed, round " + round);
        }
      }
    }
  }

  /**
   * A diff of part of a graph (some predicates, some subjects) leaves the rest of the graph alone;
   * {@code wholesale} (as for a remote store): the part is removed whole, then written.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aPartialDiffLeavesTheGraphsOtherStatements(boolean wholesale, @TempDir Path dir) {
    Random random = new Random(13);
    List<IRI> predicates = List.of(Values.iri(EX + "p0"), Values.iri(EX + "p1"));
    java.util.function.Predicate<Resource> owned = subject -> subject.stringValue().startsWith(EX + "s1");
    java.util.function.Predicate<Statement> ours = st -> owned.test(st.getSubject()) && predicates.contains(st.getPredicate());
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      for (int round = 0; round < 25; round++) {
        Set<Statement> old = content(random);
        Set<Statement> fresh = new HashSet<>(content(random).stream().filter(ours).toList());
        fill(store, old, Set.of());
        store.write(committed -> committed, (conn, committed) -> {
          GraphDiff diff = new GraphDiff(committed, conn, GRAPH, predicates, owned, wholesale);
          bySubject(fresh, random, false).forEach(diff::apply);
          diff.removeRest();
        });
        Set<Statement> expected = new HashSet<>(fresh);
        old.stream().filter(ours.negate()).forEach(expected::add);
        assertEquals(expected, triples(store, GRAPH), "round " + round);
      }
    }
  }

  /** Enough subjects that the set of their hashes grows several times within one diff. */
  @Test
  void aLargeGraphEndsAsTheNewContent(@TempDir Path dir) {
    Random random = new Random(17);
    Set<Statement> old = content(random, 5_000, 20_000);
    Set<Statement> fresh = content(random, 5_000, 20_000);
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      fill(store, old, Set.of());
      long[] written = replace(store, bySubject(fresh, random, false));
      assertEquals(fresh, triples(store, GRAPH));
      assertEquals(difference(fresh, old), written[0]);
      assertEquals(difference(old, fresh), written[1]);
    }
  }

  @Test
  void anUnchangedContentWritesNothing(@TempDir Path dir) {
    Set<Statement> content = content(new Random(3));
    try (TripleStore store = TripleStore.openEmbedded(dir)) {
      store.write(conn -> conn.add(content, GRAPH));
      long[] written = replace(store, bySubject(content, new Random(4), false));
      assertEquals(0, written[0]);
      assertEquals(0, written[1]);
      assertEquals(content, triples(store, GRAPH));
    }
  }

  /** The graph holds {@code old}, the other graph {@code other}. */
  private static void fill(TripleStore store, Set<Statement> old, Set<Statement> other) {
    store.write(conn -> {
      conn.clear(GRAPH, OTHER);
      conn.add(old, GRAPH);
      conn.add(other, OTHER);
    });
  }

  /** Replaces the graph through a diff, batch by batch; what it added and removed. */
  private static long[] replace(TripleStore store, List<Collection<Statement>> batches) {
    long[] written = new long[2];
    store.write(committed -> committed, (conn, committed) -> {
      GraphDiff diff = new GraphDiff(committed, conn, GRAPH, false);
      batches.forEach(diff::apply);
      diff.removeRest();
      written[0] = diff.added();
      written[1] = diff.removed();
    });
    return written;
  }

  /** Statements of 40 subjects (IRIs and blank nodes) with 4 predicates and a few objects each. */
  private static Set<Statement> content(Random random) {
    return content(random, 40, 20 + random.nextInt(200));
  }

  /** Statements of {@code subjects} subjects, a quarter of them blank nodes; objects of every kind of term. */
  private static Set<Statement> content(Random random, int subjects, int size) {
    Set<Statement> content = new HashSet<>();
    int iris = subjects - subjects / 4;
    for (int i = 0; i < size; i++) {
      int s = random.nextInt(subjects);
      Resource subject = s < iris ? Values.iri(EX + "s" + s) : Values.bnode("b" + s);
      Value object = switch (random.nextInt(5)) {
        case 0 -> Values.literal("value " + random.nextInt(6));
        case 1 -> Values.iri(EX + "o" + random.nextInt(6));
        case 2 -> Values.literal("word " + random.nextInt(3), random.nextBoolean() ? "en" : "fr");
        case 3 -> Values.literal(random.nextInt(4));
        default -> Values.bnode("b" + (iris + random.nextInt(subjects - iris)));
      };
      content.add(Statements.statement(subject, Values.iri(EX + "p" + random.nextInt(4)), object, null));
    }
    return content;
  }

  /**
   * The content in batches of a few subjects each; {@code spread}: a subject's statements may fall
   * into several batches.
   */
  private static List<Collection<Statement>> bySubject(Set<Statement> content, Random random, boolean spread) {
    Map<Resource, List<Statement>> subjects = new LinkedHashMap<>();
    content.forEach(st -> subjects.computeIfAbsent(st.getSubject(), s -> new ArrayList<>()).add(st));
    List<List<Statement>> groups = new ArrayList<>(subjects.values());
    if (spread) {
      List<List<Statement>> split = new ArrayList<>();
      for (List<Statement> group : groups) {
        Consumer<List<Statement>> add = part -> {
          if (!part.isEmpty()) {
            split.add(part);
          }
        };
        int cut = random.nextInt(group.size() + 1);
        add.accept(new ArrayList<>(group.subList(0, cut)));
        add.accept(new ArrayList<>(group.subList(cut, group.size())));
      }
      groups = split;
    }
    Collections.shuffle(groups, random);
    List<Collection<Statement>> batches = new ArrayList<>();
    List<Statement> batch = new ArrayList<>();
    for (List<Statement> group : groups) {
      batch.addAll(group);
      if (random.nextInt(4) == 0) {
        batches.add(batch);
        batch = new ArrayList<>();
      }
    }
    batches.add(batch);
    return batches;
  }

  private static Set<Statement> triples(TripleStore store, IRI graph) {
    return store.read(conn -> triples(conn, graph));
  }

  private static Set<Statement> triples(RepositoryConnection conn, IRI graph) {
    Set<Statement> triples = new HashSet<>();
    try (RepositoryResult<Statement> result = conn.getStatements(null, null, null, false, graph)) {
      result.forEach(st -> triples.add(Statements.statement(st.getSubject(), st.getPredicate(), st.getObject(), null)));
    }
    return triples;
  }

  private static long difference(Set<Statement> a, Set<Statement> b) {
    return a.stream().filter(st -> !b.contains(st)).count();
  }
}
