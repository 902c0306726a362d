package org.dpgfed.harvester.testing;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/**
 * Two real nodes on loopback for the federation tests: A behind a {@link CountingProxy} (A's public
 * base is the proxy, so every request another node makes to A is counted), B at a public base of its
 * own with A's endpoint as a federation peer, and a {@link FakeRegistry} for A's sources.
 */
public record TwoNodes(Vertx vertx, FakeRegistry registry, CountingProxy proxy, TestNode a, TestNode b, String aBase)
    implements AutoCloseable {
  public static final String B_BASE = "https://b.example.org";

  /** @param moreForA settings of A beyond the test defaults */
  public static TwoNodes start(Path dir, Map<String, String> moreForA) {
    Vertx vertx = Vertx.vertx();
    FakeRegistry registry = FakeRegistry.on(vertx);
    CountingProxy proxy = new CountingProxy();
    TestNode.await(vertx.deployVerticle(proxy));
    String aBase = "http://127.0.0.1:" + proxy.port();
    Map<String, String> envA = TestNode.environment(dir.resolve("a"));
    envA.put("DPG_PUBLIC_BASE_URL", aBase);
    envA.putAll(moreForA);
    TestNode a = TestNode.start(vertx, null, envA);
    proxy.target(a.port());
    Map<String, String> envB = TestNode.environment(dir.resolve("b"));
    envB.put("DPG_PUBLIC_BASE_URL", B_BASE);
    envB.put("DPG_SPARQL_FEDERATION_PEERS", aBase + "/sparql");
    return new TwoNodes(vertx, registry, proxy, a, TestNode.start(vertx, null, envB), aBase);
  }

  @Override
  public void close() {
    b.close();
    a.close();
    vertx.close();
  }
}
