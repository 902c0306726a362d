package org.dpgfed.harvester.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.dpgfed.harvester.registry.StaleSources;
import org.dpgfed.harvester.store.TripleStore;

/**
 * Gauges read from the store and the registry: triples stored, bytes on disk, sources and stale
 * sources. They block, so {@link #refresh()} runs on a worker before each scrape, never inside it.
 */
public final class NodeGauges {
  private final TripleStore store;
  private final Path storeDir;
  private final StaleSources staleSources;
  private final AtomicLong triples = new AtomicLong();
  private final AtomicLong diskBytes = new AtomicLong();
  private final AtomicLong sources = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();
  private final MultiGauge perSource;

  public NodeGauges(MeterRegistry registry, TripleStore store, Path storeDir, StaleSources staleSources) {
    this.store = store;
    this.storeDir = storeDir;
    this.staleSources = staleSources;
    Gauge.builder("dpg.store.triples", triples, AtomicLong::get).description("Statements in the store, all graphs")
        .register(registry);
    Gauge.builder("dpg.store.disk", diskBytes, AtomicLong::get).baseUnit("bytes")
        .description("Size of the store's files").register(registry);
    Gauge.builder("dpg.sources", sources, AtomicLong::get).description("Registered sources").register(registry);
    Gauge.builder("dpg.sources.stale", stale, AtomicLong::get).description("Stale sources (see status.stale)")
        .register(registry);
    perSource = MultiGauge.builder("dpg.source.stale").description("1 when the source is stale, else 0")
        .register(registry);
  }

  public void refresh() {
    triples.set(store.counts().storeTriples());
    diskBytes.set(sizeOf(storeDir));
    List<StaleSources.Stale> all = staleSources.all();
    sources.set(all.size());
    stale.set(all.stream().filter(s -> s.status().stale()).count());
    perSource.register(all.stream().map(s -> MultiGauge.Row.of(Tags.of("source", s.source().id()),
        s.status().stale() ? 1 : 0)).toList(), true);
  }

  private static long sizeOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
