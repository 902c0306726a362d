package org.dpgfed.harvester.web.sparql;

import static org.dpgfed.harvester.testing.Http.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dpgfed.harvester.testing.RawHttp;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparql.clientBudget: query time per remote address per minute; beyond it 429 with Retry-After. */
class ClientBudgetTest {
  @TempDir static Path dir;
  static Vertx vertx;
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Map<String, String> env = TestNode.environment(dir.resolve("data"));
    env.put("DPG_SPARQL_TIMEOUT", "PT1S");
    env.put("DPG_SPARQL_CLIENT_BUDGET", "PT2S");
    node = TestNode.startHarvested(vertx, dir, "budget", env);
  }

  @AfterAll
  static void stop() {
    node.close();
    vertx.close();
  }

  static RawHttp.Answer query(String from, String query) {
    return RawHttp.send(from, node.port(), "GET", "/sparql?query=" + encode(query), null);
  }

  @Test
  void aClientThatUsedItsBudgetGets429WithRetryAfterWhileOthersGoOn() {
    int stopped = 0;
    RawHttp.Answer answer = query("127.0.0.1", QueryLimitsTest.RUNAWAY);
    while (answer.status() == 503 && stopped < 6) {
      stopped++;
      answer = query("127.0.0.1", QueryLimitsTest.RUNAWAY);
    }
    assertEquals(429, answer.status(), answer.head());
    assertTrue(stopped >= 2, "a 2 s budget lets two 1 s queries run; ran " + stopped);
    long retryAfter = Long.parseLong(answer.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertEquals(429, query("127.0.0.1", "ASK { ?s ?p ?o }").status(), "cheap queries wait too");
    assertEquals(200, query("127.0.0.2", "ASK { ?s ?p ?o }").status(), "another address has its own budget");
  }
}
