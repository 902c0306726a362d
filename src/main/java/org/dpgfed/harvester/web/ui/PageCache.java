package org.dpgfed.harvester.web.ui;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceRegistry;

/**
 * What Home and Explore read from the store, kept until the store changes: a finished run (told by
 * {@link #changed}) or a change to the registered sources. An answer is kept under the state seen
 * before it was read, so one read across a change is never served after it.
 */
final class PageCache {
  static final int ENTRIES = 256;

  /** The state an answer was read in: the runs finished so far and the sources as registered. */
  private record Stamp(long runs, List<Source> sources) {}

  private record Entry(Stamp stamp, Object answer) {}

  private final SourceRegistry sources;
  private final AtomicLong runs = new AtomicLong();
  private final Map<Object, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
      return size() > ENTRIES;
    }
  };
  private final MeterRegistry meters;

  PageCache(SourceRegistry sources, MeterRegistry meters) {
    this.sources = sources;
    this.meters = meters;
  }

  /** A run has finished: what was read before may be out of date. */
  void changed() {
    runs.incrementAndGet();
  }

  /**
   * The answer kept for {@code key}, or a fresh one from {@code read}.
   *
   * @param query what the answer is ({@code facets}, {@code products}), for the metric
   */
  @SuppressWarnings("unchecked")
  <T> Future<T> get(String query, Object key, Supplier<Future<T>> read) {
    Stamp now = new Stamp(runs.get(), sources.list());
    Entry kept;
    synchronized (entries) {
      kept = entries.get(key);
    }
    if (kept != null && kept.stamp().equals(now)) {
      count(query, "hit");
      return Future.succeededFuture((T) kept.answer());
    }
    count(query, "miss");
    return read.get().onSuccess(answer -> {
      synchronized (entries) {
        entries.put(key, new Entry(now, answer));
      }
    });
  }

  private void count(String query, String result) {
    Counter.builder("dpg.ui.queries").description("the pages' store queries, answered from the cache (hit) or the store (miss)")
        .tag("query", query).tag("result", result).register(meters).increment();
  }
}
