package org.dpgfed.harvester.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dpgfed.harvester.store.TripleStore;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.util.RDFInserter;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

/**
 * A node's data as gzip-compressed N-Quads: every graph (sources, meta with sources and run
 * history, private), read in one snapshot transaction so that harvests committing meanwhile are
 * either wholly in it or not at all. A round trip gives the same quads; a blank node keeps its
 * label where N-Quads allows it (one that starts with a digit is written with a prefix).
 */
public final class Snapshot {
  private Snapshot() {}

  /** Writes every graph, or only {@code graph} when not null, and closes {@code out}. */
  public static void write(TripleStore store, IRI graph, OutputStream out) throws IOException {
    try (OutputStream zipped = new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16), 1 << 16)) {
      store.read(conn -> {
        export(conn, graph, zipped);
        return null;
      });
    }
  }

  private static void export(RepositoryConnection conn, IRI graph, OutputStream out) {
    conn.begin(IsolationLevels.SNAPSHOT);
    try {
      RDFWriter writer = Rio.createWriter(RDFFormat.NQUADS, out);
      conn.export(writer, graph == null ? new Resource[0] : new Resource[] {graph});
    } finally {
      conn.commit();
    }
  }

  /** Whether the store holds the named graph. */
  public static boolean hasGraph(TripleStore store, IRI graph) {
    return store.read(conn -> conn.hasStatement(null, null, null, false, graph));
  }

  /**
   * Loads a snapshot into a new store in {@code dataDir}, which must be empty or absent (the node
   * stopped); returns the number of quads loaded.
   */
  public static long restore(Path file, Path dataDir) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such file");
    }
    requireEmpty(dataDir);
    Files.createDirectories(dataDir);
    try (TripleStore store = TripleStore.openEmbedded(dataDir);
        InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16)) {
      store.write(conn -> load(in, conn));
      return store.read(conn -> conn.size());
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Parses into the connection keeping blank node labels (a plain {@code add} would rename them). */
  private static void load(InputStream in, RepositoryConnection conn) {
    RDFInserter inserter = new RDFInserter(conn);
    inserter.setPreserveBNodeIDs(true);
    RDFParser parser = Rio.createParser(RDFFormat.NQUADS);
    parser.getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
    parser.setRDFHandler(inserter);
    try {
      parser.parse(in, "");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void requireEmpty(Path dataDir) throws IOException {
    if (!Files.exists(dataDir)) {
      return;
    }
    if (!Files.isDirectory(dataDir)) {
      throw new IOException(dataDir + " is not a directory");
    }
    try (Stream<Path> entries = Files.list(dataDir)) {
      if (entries.findAny().isPresent()) {
        throw new IOException("the data directory " + dataDir + " is not empty; restore only into an empty"
            + " directory (stop the node, move the old directory away, then restore)");
      }
    }
  }
}
