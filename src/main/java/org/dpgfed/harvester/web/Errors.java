package org.dpgfed.harvester.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.dpgfed.harvester.model.ConflictException;
import org.dpgfed.harvester.model.FieldError;
import org.dpgfed.harvester.model.InvalidInputException;
import org.dpgfed.harvester.model.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP status: problem+json under /api, one plain line
 * elsewhere. A failure after the response has started can only cut the connection.
 */
public final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = status(failure, ctx.statusCode());
    String detail = detail(failure, status);
    HttpServerResponse response = ctx.response();
    if (status >= 500 && !(failure instanceof HttpError)) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    }
    if (response.headWritten()) {
      if (!response.ended()) {
        response.reset();
      }
      return;
    }
    if (failure instanceof HttpError e) {
      e.headers().forEach(response::putHeader);
    }
    response.setStatusCode(status);
    if (ctx.request().path().startsWith("/api")) {
      JsonObject problem = new JsonObject().put("type", "about:blank")
          .put("title", io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase())
          .put("status", status).put("detail", detail);
      if (failure instanceof InvalidInputException invalid) {
        JsonArray errors = new JsonArray();
        for (FieldError e : invalid.errors()) {
          errors.add(new JsonObject().put("field", e.field()).put("message", e.message()));
        }
        problem.put("errors", errors);
      }
      response.putHeader("Content-Type", "application/problem+json").end(problem.encode());
    } else {
      response.putHeader("Content-Type", "text/plain; charset=utf-8").end(detail + "\n");
    }
  }

  static int status(Throwable failure, int statusCode) {
    if (failure instanceof HttpError e) {
      return e.status();
    }
    if (failure instanceof InvalidInputException) {
      return 400;
    }
    if (failure instanceof io.vertx.ext.web.handler.HttpException e && e.getStatusCode() < 500) {
      return e.getStatusCode();
    }
    if (failure instanceof NotFoundException) {
      return 404;
    }
    if (failure instanceof ConflictException) {
      return 409;
    }
    return failure == null && statusCode > 0 ? statusCode : 500;
  }

  private static String detail(Throwable failure, int status) {
    if (failure != null && status < 500 || failure instanceof HttpError) {
      return failure.getMessage();
    }
    return switch (status) {
      case 404 -> "nothing here";
      case 405 -> "method not allowed";
      case 413 -> "request body too large";
      default -> "internal error";
    };
  }
}
