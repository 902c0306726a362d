package org.dpgfed.harvester.bench;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * The benchmark's reference server: Apache Jena Fuseki with one in-memory, updatable dataset at
 * {@code /ds}, on 127.0.0.1 only, other settings default. Started in its own JVM by the benchmark.
 */
public final class FusekiMain {
  private FusekiMain() {}

  public static void main(String[] args) {
    FusekiServer.create().port(Integer.parseInt(args[0])).loopback(true).enablePing(true)
        .add("/ds", DatasetGraphFactory.createTxnMem(), true).build().start().join();
  }
}
