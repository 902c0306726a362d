package org.dpgfed.harvester.web.admin;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.registry.Run;
import org.dpgfed.harvester.registry.Source;
import org.dpgfed.harvester.registry.SourceStatus;

/** The JSON shapes of the operators' API. */
final class Json {
  private Json() {}

  static JsonObject source(Source s, SourceStatus status) {
    JsonObject json = new JsonObject().put("id", s.id()).put("title", s.title()).put("url", s.url())
        .put("format", s.format()).put("schedule", s.schedule()).put("enabled", s.enabled());
    putIf(json, "country", s.country());
    putIf(json, "query", s.query());
    putIf(json, "createdAt", s.createdAt());
    JsonObject st = new JsonObject()
        .put("lastRun", status.lastRun() == null ? null : run(status.lastRun()))
        .put("lastSuccessAt", text(status.lastSuccessAt()))
        .put("consecutiveFailures", status.consecutiveFailures())
        .put("stale", status.stale())
        .put("nextRunAt", text(status.nextRunAt()));
    return json.put("status", st);
  }

  static JsonObject run(Run r) {
    JsonObject json = new JsonObject().put("id", r.id()).put("source", r.source()).put("status", r.status().label())
        .put("startedAt", text(r.startedAt())).put("finishedAt", text(r.finishedAt()));
    putIf(json, "records", r.records());
    putIf(json, "triples", r.triples());
    putIf(json, "added", r.added());
    putIf(json, "removed", r.removed());
    putIf(json, "invalid", r.invalid());
    putIf(json, "error", r.error());
    if (r.retrieval() != null) {
      putIf(json, "httpStatus", r.retrieval().httpStatus());
      putIf(json, "etag", r.retrieval().etag());
      putIf(json, "contentHash", r.retrieval().contentHash());
    }
    return json;
  }

  static JsonObject problem(Problem p) {
    return new JsonObject().put("record", p.record()).put("severity", p.severity().label())
        .put("path", p.path()).put("message", p.message());
  }

  private static void putIf(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value instanceof Instant i ? i.toString() : value);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
