package org.dpgfed.harvester.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Consumer;
import org.dpgfed.harvester.registry.Run;

/** Counts each finished run by source and status, with its records, triples and duration. */
public final class HarvestMetrics implements Consumer<Run> {
  private final MeterRegistry registry;

  public HarvestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void accept(Run run) {
    String status = run.status().label();
    Counter.builder("dpg.harvest.runs").description("Finished harvest runs")
        .tags("source", run.source(), "status", status).register(registry).increment();
    if (run.finishedAt() != null) {
      Timer.builder("dpg.harvest.run.duration").description("How long runs took, from queued to finished")
          .tags("source", run.source(), "status", status).register(registry)
          .record(Duration.between(run.startedAt(), run.finishedAt()));
    }
    if (run.records() != null) {
      DistributionSummary.builder("dpg.harvest.run.records").description("Records a run stored")
          .tag("source", run.source()).register(registry).record(run.records());
    }
    if (run.triples() != null) {
      DistributionSummary.builder("dpg.harvest.run.triples").description("Triples in the source's graph after a run")
          .tag("source", run.source()).register(registry).record(run.triples());
    }
  }
}
