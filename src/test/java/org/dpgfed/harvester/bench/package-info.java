/**
 * The benchmark that ships with the project (run with {@code mvn -Pbench}): harvest throughput
 * against a raw LMDB load, SPARQL throughput against Apache Jena Fuseki, a point query while a
 * graph is replaced, and start-up time. Not a test: it prints a table and writes target/bench.
 */
package org.dpgfed.harvester.bench;
