package org.dpgfed.harvester.web.admin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.dpgfed.harvester.backup.Snapshot;
import org.dpgfed.harvester.model.Iris;
import org.dpgfed.harvester.model.NotFoundException;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * {@code POST /api/backup[?graph=IRI]} (admin): a consistent gzip N-Quads snapshot of every graph,
 * or of one. The snapshot is written to a file in the data directory first (the store is read in
 * one transaction, quickly), then streamed from there, so a slow client never holds a transaction.
 */
public final class BackupApi implements Handler<RoutingContext> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final TripleStore store;
  private final Iris iris;
  private final WorkerExecutor workers;
  private final Path dataDir;

  public BackupApi(TripleStore store, Iris iris, WorkerExecutor workers, Path dataDir) {
    this.store = store;
    this.iris = iris;
    this.workers = workers;
    this.dataDir = dataDir;
  }

  @Override
  public void handle(RoutingContext ctx) {
    IRI graph = graph(ctx.queryParams().get("graph"));
    workers.executeBlocking(() -> snapshot(graph), false)
        .compose(file -> send(ctx, file).eventually(() -> ctx.vertx().fileSystem().delete(file.toString())))
        .onFailure(ctx::fail);
  }

  private IRI graph(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    try {
      return Values.iri(given);
    } catch (IllegalArgumentException e) {
      throw org.dpgfed.harvester.model.InvalidInputException.of("graph", "must be an absolute IRI such as "
          + iris.metaGraph());
    }
  }

  private Path snapshot(IRI graph) throws IOException {
    if (graph != null && !Snapshot.hasGraph(store, graph)) {
      throw new NotFoundException("the store has no graph <" + graph + ">");
    }
    Path file = Files.createTempFile(dataDir, ".backup-", ".nq.gz");
    try {
      Snapshot.write(store, graph, Files.newOutputStream(file));
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private static Future<Void> send(RoutingContext ctx, Path file) {
    String name = "dpg-harvester-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".nq.gz";
    return ctx.response().putHeader("Content-Type", "application/gzip")
        .putHeader("Content-Encoding", "identity") // already compressed: never compress again
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .sendFile(file.toString());
  }
}
