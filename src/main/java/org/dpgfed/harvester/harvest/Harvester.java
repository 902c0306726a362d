package org.dpgfed.harvester.harvest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dpgfed.harvester.cluster.SourceClaims;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.model.ConflictException;
import org.dpgfed.harvester.fetch.Fetcher;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.registry.ProductsChanged;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.RunLog;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceRegistry;
import org.dpgfed.harvester.source.Adapters;
import org.dpgfed.harvester.source.feed.FeedReader;
import org.dpgfed.harvester.store.TripleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The scheduler: runs each enabled source at registration and then every schedule, at most one
 * run per source at a time. Fetching is asynchronous and mapping runs on a pool of workers, so a
 * slow or failing source never holds up another.
 */
public final class Harvester {
  private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

  private final Vertx vertx;
  private final WorkerExecutor workers;
  private final SourceRegistry sources;
  private final RunLog runs;
  private final Adapters adapters;
  private final Clock clock;
  private final HarvestContext context;
  private final Admission admission;
  private final Set<String> forced = ConcurrentHashMap.newKeySet();
  private final Map<String, Future<String>> active = new ConcurrentHashMap<>();
  private final Set<String> rerun = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> timers = new ConcurrentHashMap<>();
  private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();
  private final Map<String, List<Promise<Run>>> waiters = new ConcurrentHashMap<>();
  private final Map<String, Ending> ending = new ConcurrentHashMap<>();
  private final List<Consumer<Run>> finishedListeners = new CopyOnWriteArrayList<>();
  private final Promise<Void> stopping = Promise.promise();

  /** @param spillDir where runs keep their records until they commit; cleared now */
  public Harvester(Vertx vertx, WorkerExecutor workers, SourceRegistry sources, RunLog runs, TripleStore store,
      Adapters adapters, Fetcher fetcher, Iris iris, Clock clock, ProductsChanged productsChanged,
      Config.Harvest settings, Reconciler reconciler, SourceClaims claims, java.nio.file.Path spillDir) {
    this.vertx = vertx;
    this.workers = workers;
    this.sources = sources;
    this.runs = runs;
    this.adapters = adapters;
    this.clock = clock;
    this.context = new HarvestContext(vertx, fetcher, workers, store, sources, runs, iris, clock, settings,
        productsChanged, reconciler, spillDir);
    RecordSpill.clear(spillDir); // what runs a crash interrupted had kept
    this.admission = new Admission(claims, sources, runs, workers, clock);
  }

  /**
   * Schedules every source; those a crash interrupted, and those never harvested, run now. The
   * future completes once their runs are recorded (queued), so callers see them at once.
   */
  public Future<Void> start(List<String> interrupted) {
    List<Future<Run>> started = new java.util.ArrayList<>();
    for (Source source : sources.list()) {
      if (source.enabled() && (interrupted.contains(source.id()) || runs.runsOf(source.id()).isEmpty())) {
        // on a shared store another node may be running it: then that node finishes it
        started.add(trigger(source.id()).recover(err -> err instanceof ConflictException
            ? Future.succeededFuture() : Future.failedFuture(err)));
      } else {
        scheduleNext(source.id());
      }
    }
    return Future.all(started).mapEmpty();
  }

  /** Starts a run now, or answers the run already queued or running. */
  public Future<Run> trigger(String sourceId) {
    return trigger(sourceId, false);
  }

  /**
   * As {@link #trigger(String)}; {@code force} lets the run answered (new, or under way and not yet
   * committed) remove more records than harvest.maxRemovedShare allows.
   */
  public Future<Run> trigger(String sourceId, boolean force) {
    if (force) {
      forced.add(sourceId);
    }
    Future<String> runId = active.compute(sourceId, (id, current) -> current == null || ended(current) ? launch(id, false) : current);
    return runId.map(id -> runs.get(id).orElseThrow(() -> new IllegalStateException("run " + id + " vanished")));
  }

  /**
   * Whether the run behind a handle has ended though its handle is still held: a run is known to
   * have ended when it commits, a moment before {@link #finished} lets its handle go, and a trigger
   * in that moment starts a new run rather than answering the one that ended.
   */
  private boolean ended(Future<String> handle) {
    return handle.succeeded() && runs.get(handle.result()).map(run -> run.status().finished()).orElse(false);
  }

  /**
   * After a source was registered or changed: run it now if it is new or fetches something else
   * (once the current run, which fetched the old settings, has ended).
   */
  public void changed(Source source, boolean harvestNow) {
    cancel(source.id());
    if (source.enabled() && harvestNow) {
      if (active.containsKey(source.id())) {
        rerun.add(source.id());
      } else {
        trigger(source.id());
      }
    } else {
      scheduleNext(source.id());
    }
  }

  /** A source was deleted: no more runs; a run under way is discarded when it ends. */
  public void forget(String sourceId) {
    cancel(sourceId);
    forced.remove(sourceId);
    rerun.remove(sourceId);
    active.remove(sourceId);
  }

  public void cancel(String sourceId) {
    Long timer = timers.remove(sourceId);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
    nextRuns.remove(sourceId);
  }

  /** When the scheduler will next run the source; during a run, one period after its start. */
  public Optional<Instant> nextRunAt(String sourceId) {
    Instant next = nextRuns.get(sourceId);
    if (next != null || !active.containsKey(sourceId)) {
      return Optional.ofNullable(next);
    }
    Source source = sources.get(sourceId).orElse(null);
    List<Run> history = runs.runsOf(sourceId);
    if (source == null || !source.enabled() || source.period().isEmpty() || history.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(history.get(0).startedAt().plus(source.period().get()));
  }

  /** The run once it has finished, or as it stands when {@code wait} has passed. */
  public Future<Run> awaitFinished(Run run, Duration wait) {
    if (run.status().finished() || wait.isZero()) {
      return Future.succeededFuture(run);
    }
    Promise<Run> promise = Promise.promise();
    waiters.computeIfAbsent(run.id(), k -> new CopyOnWriteArrayList<>()).add(promise);
    Run current = runs.get(run.id()).orElse(run);
    if (current.status().finished()) {
      promise.tryComplete(current); // it ended while the waiter was being added
    }
    long timer = vertx.setTimer(wait.toMillis(), id -> promise.tryComplete(runs.get(run.id()).orElse(run)));
    return promise.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  /** Tells every run's listener (the metrics) when a run has finished, whatever its outcome. */
  public void onRunFinished(Consumer<Run> listener) {
    finishedListeners.add(listener);
  }

  /** A timer's tick: as a trigger, but skipped when another node sharing the store has served it. */
  private void tick(String sourceId) {
    active.computeIfAbsent(sourceId, id -> launch(id, true));
  }

  private Future<String> launch(String sourceId, boolean scheduled) {
    Source source = sources.get(sourceId).orElse(null);
    if (source == null) {
      return Future.failedFuture(new org.dpgfed.harvester.model.NotFoundException("no source '" + sourceId + "'"));
    }
    if (stopping.future().isComplete()) {
      return Future.failedFuture(new IllegalStateException("the node is shutting down"));
    }
    cancel(sourceId);
    Promise<Void> stop = Promise.promise();
    Promise<String> runId = Promise.promise();
    Future<SourceClaims.Claim> claim = admission.admit(sourceId, scheduled);
    Future<Run> opened = claim.compose(c -> workers.executeBlocking(() -> runs.open(sourceId), false));
    opened.onSuccess(run -> {
      runId.complete(run.id());
      logWithRun(run, () -> LOG.info("run started"));
    }).onFailure(runId::fail);
    Future<Run> ended = opened.compose(run -> job(sources.get(sourceId).orElse(source), stop.future()).apply(run))
        .onComplete(ar -> {
          claim.onSuccess(SourceClaims.Claim::release);
          finished(sourceId, runId.future(), ar.succeeded() ? ar.result() : null, ar.cause());
        });
    Ending run = new Ending(ended, stop);
    ending.put(sourceId, run);
    ended.onComplete(ar -> ending.remove(sourceId, run));
    return runId.future();
  }

  /** A run under way: its end, and how to stop it at its next safe point. */
  private record Ending(Future<Run> ended, Promise<Void> stop) {}

  private Function<Run, Future<Run>> job(Source source, Future<Void> stop) {
    if (source.format().equals(FeedReader.FORMAT)) {
      return new FeedHarvestJob(source, context, () -> forced.contains(source.id()), stop)::execute;
    }
    return new HarvestJob(source, adapters.forFormat(source.format()).orElseThrow(), context,
        () -> forced.contains(source.id()), stop)::execute;
  }

  /** Logs with the run's id and source id in the MDC, so every line of a run carries both. */
  private static void logWithRun(Run run, Runnable log) {
    try (MDC.MDCCloseable r = MDC.putCloseable("runId", run.id()); MDC.MDCCloseable s = MDC.putCloseable("sourceId", run.source())) {
      log.run();
    }
  }

  private void finished(String sourceId, Future<String> handle, Run run, Throwable err) {
    if (err instanceof TickSkippedException || err instanceof ConflictException) {
      LOG.info("{}", err.getMessage());
      if (release(sourceId, handle)) {
        scheduleNext(sourceId, err instanceof ConflictException);
      }
      return;
    }
    if (run == null) {
      LOG.error("run of source={} could not be recorded", sourceId, err);
    } else {
      long ms = run.finishedAt() == null ? 0 : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
      logWithRun(run, () -> LOG.info("run {} source={} status={} records={} triples={} added={} removed={} invalid={} duration={}ms{}",
          run.id(), sourceId, run.status().label(), run.records(), run.triples(), run.added(), run.removed(),
          run.invalid(), ms, run.error() == null ? "" : " error=\"" + run.error() + "\""));
      finishedListeners.forEach(listener -> listener.accept(run));
      List<Promise<Run>> waiting = waiters.remove(run.id());
      if (waiting != null) {
        waiting.forEach(p -> p.tryComplete(run));
      }
    }
    if (!release(sourceId, handle)) {
      return; // the source was deleted during the run, or a newer run holds it
    }
    if (rerun.remove(sourceId)) {
      trigger(sourceId);
    } else {
      scheduleNext(sourceId);
    }
  }

  private void scheduleNext(String sourceId) {
    scheduleNext(sourceId, false);
  }

  /**
   * Lets a run's handle go; false when it was no longer held (the source was deleted, or a trigger
   * started a newer run, whose force setting then stays).
   */
  private boolean release(String sourceId, Future<String> handle) {
    boolean held = active.remove(sourceId, handle);
    if (held || !active.containsKey(sourceId)) {
      forced.remove(sourceId);
    }
    return held;
  }

  /** @param fromNow one period from now (another node is running it), not from its last start */
  private void scheduleNext(String sourceId, boolean fromNow) {
    cancel(sourceId);
    Source source = sources.get(sourceId).orElse(null);
    if (source == null || !source.enabled() || source.period().isEmpty() || active.containsKey(sourceId)) {
      return;
    }
    List<Run> history = runs.runsOf(sourceId);
    Instant last = history.isEmpty() || fromNow ? clock.instant() : history.get(0).startedAt();
    Instant next = last.plus(source.period().get());
    long delay = Math.max(1, Duration.between(clock.instant(), next).toMillis());
    nextRuns.put(sourceId, next);
    timers.put(sourceId, vertx.setTimer(delay, id -> {
      timers.remove(sourceId);
      tick(sourceId);
    }));
  }

  public void stop() {
    timers.keySet().forEach(this::cancel);
  }

  public boolean isRunning() {
    return !stopping.future().isComplete();
  }

  /**
   * Stops the scheduler and every run at its next safe point: a run waiting on a fetch stops at
   * once, one committing finishes its commit. Stopped runs end {@code failed} ("shutdown"). The
   * future completes once every run has ended and been recorded.
   */
  public Future<Void> shutdown() {
    stop();
    stopping.tryComplete();
    List<Ending> underWay = List.copyOf(ending.values());
    underWay.forEach(run -> run.stop().tryComplete());
    return Future.join(underWay.stream().map(Ending::ended).toList()).<Void>mapEmpty().otherwiseEmpty();
  }
}
