package org.dpgfed.harvester.registry;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.store.TripleStore;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * Every source's run history, newest first, kept as RDF in the meta graph with a copy in memory;
 * at most {@code history} runs per source. Blocking: call from worker threads.
 */
public final class RunLog {
  private static final int REMOVAL_BATCH = 10_000;
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final TripleStore store;
  private final Iris iris;
  private final MetaGraph meta;
  private final Clock clock;
  private final int history;
  private final SecureRandom random = new SecureRandom();
  private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();
  private final Map<String, Run> byId = new ConcurrentHashMap<>();

  public RunLog(TripleStore store, Iris iris, Clock clock, int history) {
    this.store = store;
    this.iris = iris;
    this.meta = new MetaGraph(iris);
    this.clock = clock;
    this.history = history;
  }

  /** Reads the history; runs a crash cut short become failed ("interrupted"). Returns their sources. */
  public List<String> load() {
    return load(false);
  }

  /**
   * As {@link #load()}; when nodes share the store ({@code shared}) an unfinished run may be
   * another node's, so it is left as it is (see {@link #refresh}) and its source returned all the same.
   */
  public List<String> load(boolean shared) {
    Model all = store.read(conn -> QueryResults.asModel(conn.getStatements(null, null, null, false, iris.metaGraph())));
    List<String> interrupted = new ArrayList<>();
    for (Resource subject : MetaGraph.subjects(all, DPG.RUN)) {
      Run run = meta.run(all, subject);
      if (!run.status().finished()) {
        run = shared ? run : interrupted(run);
        interrupted.add(run.source());
      }
      byId.put(run.id(), run);
    }
    return interrupted;
  }

  /**
   * Reads a source's runs anew from the store, which other nodes share. Call only while holding
   * the source's cluster-wide claim: then no live node is running it, so an unfinished run is one
   * a node that has gone left behind, and becomes failed ("interrupted").
   */
  public void refresh(String sourceId) {
    reread(sourceId).stream().filter(run -> !run.status().finished()).forEach(this::interrupted);
  }

  /**
   * Reads a source's runs anew from the store, whichever node ran them, and answers them; an
   * unfinished run is left as it stands (another node may be running it).
   */
  public List<Run> reread(String sourceId) {
    Model m = store.read(conn -> {
      Model runs = new LinkedHashModel();
      for (Statement st : QueryResults.asModel(conn.getStatements(null, DPG.SOURCE_ID,
          org.eclipse.rdf4j.model.util.Values.literal(sourceId), false, iris.metaGraph()))) {
        runs.addAll(QueryResults.asModel(conn.getStatements(st.getSubject(), null, null, false, iris.metaGraph())));
      }
      return runs;
    });
    List<Run> read = MetaGraph.subjects(m, DPG.RUN).stream().map(subject -> meta.run(m, subject)).toList();
    forget(sourceId);
    read.forEach(run -> byId.put(run.id(), run));
    return read;
  }

  private Run interrupted(Run run) {
    Run failed = run.failed("interrupted: the node stopped during this run", clock.instant());
    save(failed);
    return failed;
  }

  /** A new queued run for a source. */
  public Run open(String sourceId) {
    // time, then a counter (orders runs opened in the same millisecond), then randomness (unique across restarts)
    String id = ID_TIME.format(clock.instant()) + "-" + "%04d".formatted(sequence.getAndIncrement() % 10_000)
        + HexFormat.of().formatHex(random.generateSeed(2));
    Run run = Run.queued(id, sourceId, clock.instant());
    save(run);
    trim(sourceId);
    return run;
  }

  public void save(Run run) {
    store.write(conn -> write(conn, run));
    byId.put(run.id(), run);
  }

  /** Writes a run's state in a caller's transaction (so it lands with the graph it describes). */
  public void write(RepositoryConnection conn, Run run) {
    removeRun(conn, iris.metaGraph(), iris.run(run.id()), false);
    conn.add(meta.describe(run), iris.metaGraph());
  }

  /** Remembers a run's final state after the caller's transaction committed. */
  public void remember(Run run) {
    byId.put(run.id(), run);
  }

  public void writeProblems(RepositoryConnection conn, String runId, Iterable<Problem> problems) {
    meta.describe(runId, problems, batch -> conn.add(batch, iris.metaGraph()));
  }

  /** A run; one this node has not seen (another node's, on a shared store) is read from the store. */
  public Optional<Run> get(String runId) {
    Run known = byId.get(runId);
    if (known != null) {
      return Optional.of(known);
    }
    Model m = store.read(conn -> QueryResults.asModel(conn.getStatements(iris.run(runId), null, null, false, iris.metaGraph())));
    return MetaGraph.subjects(m, DPG.RUN).stream().findFirst().map(subject -> meta.run(m, subject));
  }

  /** A source's runs, newest first. */
  public List<Run> runsOf(String sourceId) {
    return byId.values().stream().filter(r -> r.source().equals(sourceId))
        .sorted(Comparator.comparing(Run::id).reversed()).toList();
  }

  /**
   * At most {@code count} of a run's problems, from the {@code from}-th (counting from 0): each
   * read by its number, so a page of a run with a million problems reads only that page.
   */
  public List<Problem> problems(String runId, int from, int count) {
    IRI run = iris.run(runId);
    return store.read(conn -> {
      List<Problem> found = new ArrayList<>();
      for (long i = from; i < (long) from + count; i++) {
        Resource node = null;
        try (RepositoryResult<Statement> numbered = conn.getStatements(null, DPG.INDEX,
            org.eclipse.rdf4j.model.util.Values.literal((int) i), false, iris.metaGraph())) {
          for (Statement st : numbered) {
            if (conn.hasStatement(run, DPG.HAS_PROBLEM, st.getSubject(), false, iris.metaGraph())) {
              node = st.getSubject();
              break;
            }
          }
        }
        if (node == null) {
          break;
        }
        found.add(MetaGraph.problem(QueryResults.asModel(conn.getStatements(node, null, null, false, iris.metaGraph())), node));
      }
      return found;
    });
  }

  /** How many problems a run found. */
  public long problemCount(String runId) {
    IRI run = iris.run(runId);
    return store.read(conn -> {
      long n = 0;
      try (RepositoryResult<Statement> links = conn.getStatements(run, DPG.HAS_PROBLEM, null, false, iris.metaGraph())) {
        for (Statement ignored : links) {
          n++;
        }
      }
      return n;
    });
  }

  /** Forgets every run of a source (inside the caller's transaction). */
  static void removeRunsOf(RepositoryConnection conn, Iris iris, String sourceId) {
    List<Resource> runs = new ArrayList<>();
    QueryResults.asModel(conn.getStatements(null, DPG.SOURCE_ID, org.eclipse.rdf4j.model.util.Values.literal(sourceId),
        false, iris.metaGraph())).forEach(st -> runs.add(st.getSubject()));
    runs.forEach(run -> removeRun(conn, iris.metaGraph(), run, true));
  }

  public void forget(String sourceId) {
    byId.values().removeIf(r -> r.source().equals(sourceId));
  }

  private void trim(String sourceId) {
    List<Run> runs = runsOf(sourceId);
    if (runs.size() <= history) {
      return;
    }
    List<Run> old = runs.subList(history, runs.size());
    store.write(conn -> old.forEach(r -> removeRun(conn, iris.metaGraph(), iris.run(r.id()), true)));
    old.forEach(r -> byId.remove(r.id()));
  }

  /**
   * Removes a run's statements, and its problems too when asked. Read a batch at a time: a run may
   * have a million problems.
   */
  private static void removeRun(RepositoryConnection conn, IRI graph, Resource run, boolean withProblems) {
    if (withProblems) {
      for (IRI link : List.of(DPG.HAS_PROBLEM, DPG.VALIDATION_REPORT)) {
        List<Statement> batch;
        do {
          batch = new ArrayList<>();
          try (RepositoryResult<Statement> links = conn.getStatements(run, link, null, false, graph)) {
            while (links.hasNext() && batch.size() < REMOVAL_BATCH) {
              batch.add(links.next());
            }
          }
          for (Statement st : batch) {
            conn.remove((Resource) st.getObject(), null, null, graph);
            conn.remove(st, graph);
          }
        } while (!batch.isEmpty());
      }
    }
    List<Statement> own = new ArrayList<>();
    try (RepositoryResult<Statement> statements = conn.getStatements(run, null, null, false, graph)) {
      for (Statement st : statements) {
        if (!st.getPredicate().equals(DPG.HAS_PROBLEM) && !st.getPredicate().equals(DPG.VALIDATION_REPORT)) {
          own.add(st);
        }
      }
    }
    own.forEach(st -> conn.remove(st, graph));
  }
}
