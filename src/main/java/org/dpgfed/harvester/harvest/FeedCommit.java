package org.dpgfed.harvester.harvest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.model.Severity;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.registry.Retrieval;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunStatus;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.source.feed.FeedReader.Member;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * The end of a feed run, with the guarantees of every other run: a 304 leaves everything as it
 * is; each new version is checked against the shapes (one the shapes refuse is left out, like a
 * removal, and counted as invalid); the records are reconciled with every other source's; the
 * safety valve refuses a run that would remove too many records unless forced; then the members,
 * the feed cursor, what the run got and its report are written in one transaction. Blocking.
 */
final class FeedCommit {
  /**
   * What the run read.
   *
   * @param cursorPage the page to start from next time
   * @param retrieval the first answer's status, and the validators of {@code cursorPage}
   */
  record Read(List<Member> members, String cursorPage, Retrieval retrieval, boolean notModified) {}

  private final HarvestContext ctx;
  private final Source source;
  private final boolean forced;
  private final IRI graph;

  FeedCommit(HarvestContext ctx, Source source, boolean forced) {
    this.ctx = ctx;
    this.source = source;
    this.forced = forced;
    this.graph = ctx.iris().sourceGraph(source.id());
  }

  Run apply(Run running, Read read) {
    if (!ctx.sources().require(source.id()).sameHarvestAs(source)) {
      throw new IllegalStateException("the source's url or format changed during the run; it runs again");
    }
    Run run = running.retrieved(read.retrieval());
    if (read.notModified()) {
      return unchanged(run);
    }
    List<Member> members = read.members().stream().sorted(Comparator.comparingLong(Member::sequence)).toList();
    List<Problem> problems = new ArrayList<>();
    Set<Member> refused = Collections.newSetFromMap(new IdentityHashMap<>());
    members.stream().filter(m -> !m.removal()).forEach(m -> check(m, problems, refused));
    try (Reconciler.Session reconciling = ctx.reconciler().open(source.id())) {
      Map<IRI, IdentityIndex.Entry> before = ctx.store().read(conn -> FeedIdentities.stored(conn, graph));
      Map<IRI, IdentityIndex.Entry> after = new HashMap<>(before);
      for (Member m : members) {
        IRI record = ctx.iris().record(source.id(), m.key());
        if (m.removal() || refused.contains(m)) {
          after.remove(record);
        } else {
          after.put(record, FeedIdentities.of(m));
        }
      }
      RemovalValve.check(ctx, source.id(), forced, before.size(),
          before.keySet().stream().filter(r -> !after.containsKey(r)).count());
      Map<IRI, Reconciliation.Match> matches = reconciling.keys(after);
      return write(run, read, members, refused, problems, matches, after, reconciling);
    }
  }

  /** The shapes' findings join the report; a version with a violation is refused. */
  private void check(Member member, List<Problem> problems, Set<Member> refused) {
    String record = ctx.iris().record(source.id(), member.key()).stringValue();
    for (Problem p : Shapes.standard().check(member.description())) {
      problems.add(p.withRecord(record));
      if (p.severity() == Severity.VIOLATION) {
        refused.add(member);
      }
    }
  }

  private Run write(Run run, Read read, List<Member> members, Set<Member> refused, List<Problem> problems,
      Map<IRI, Reconciliation.Match> matches, Map<IRI, IdentityIndex.Entry> identities, Reconciler.Session reconciling) {
    Run[] done = new Run[1];
    ctx.store().write(conn -> {
      FeedApply apply = new FeedApply(conn, ctx.iris(), source.id(), ctx.iris().run(run.id()));
      for (Member m : members) {
        Reconciliation.Match match = matches.get(ctx.iris().record(source.id(), m.key()));
        if (match == null || refused.contains(m)) {
          apply.remove(m);
        } else {
          apply.apply(m, ctx.iris().product(match.key()), match.rule());
        }
      }
      remember(conn, read, members);
      RunStatus status = members.isEmpty() ? RunStatus.UNCHANGED : RunStatus.SUCCEEDED;
      done[0] = run.finished(status, TripleStoreCounts.records(conn, graph), conn.size(graph), apply.added(),
          apply.removed(), refused.size(), ctx.clock().instant());
      ctx.runs().write(conn, done[0]);
      ctx.runs().writeProblems(conn, done[0].id(), problems);
      Instant at = done[0].finishedAt();
      ctx.productsChanged().changed(conn, apply.touched(), at);
      reconciling.apply(conn, new RecordMinter.Minted(new LinkedHashModel(), List.of(), List.of(), refused.size(),
          new LinkedHashModel(), identities));
    });
    ctx.runs().remember(done[0]);
    return done[0];
  }

  /** The source answered 304: nothing to read, nothing to change. */
  private Run unchanged(Run run) {
    Run done = ctx.store().read(conn -> run.finished(RunStatus.UNCHANGED, TripleStoreCounts.records(conn, graph),
        conn.size(graph), 0, 0, 0, ctx.clock().instant()));
    ctx.store().write(conn -> ctx.runs().write(conn, done));
    ctx.runs().remember(done);
    return done;
  }

  /** Where the next run starts, and the validators to ask it with. */
  private void remember(RepositoryConnection conn, Read read, List<Member> members) {
    IRI subject = ctx.iris().source(source.id());
    IRI meta = ctx.iris().metaGraph();
    long applied = members.stream().mapToLong(Member::sequence).max().orElse(-1);
    if (applied >= 0) {
      conn.remove(subject, DPG.SEQUENCE, null, meta);
      conn.add(subject, DPG.SEQUENCE, Values.literal(applied), meta);
    }
    conn.remove(subject, DPG.FEED_PAGE, null, meta);
    conn.add(subject, DPG.FEED_PAGE, Values.literal(read.cursorPage()), meta);
    ctx.sources().writeApplied(conn, source.id(), read.retrieval());
  }
}
