package org.dpgfed.harvester.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;
import org.dpgfed.harvester.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A streamed body keeps memory bounded: the response pauses while the reader falls behind. */
class BodyStreamTest {
  private static final int CHUNK = 600 * 1024;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void pausesTheResponseWhileAMegabyteWaitsAndResumesOnceDrained() throws IOException {
    Source source = new Source();
    BodyStream stream = new BodyStream(vertx.getOrCreateContext());
    stream.offer(Buffer.buffer(new byte[CHUNK]), source);
    assertFalse(source.paused, "600 KB may wait");
    stream.offer(Buffer.buffer(new byte[CHUNK]), source);
    assertTrue(source.paused, "1.2 MB may not");
    stream.end();
    assertEquals(2 * CHUNK, stream.readAllBytes().length);
    TestNode.await(source.resumed.future());
  }

  @Test
  void aFailureReachesTheReaderWithItsMessage() {
    BodyStream stream = new BodyStream(vertx.getOrCreateContext());
    stream.offer(Buffer.buffer("<a> <b> <c> .\n"), new Source());
    stream.fail(new FetchException("the body exceeds 10 bytes (harvest.maxBodyBytes)", false));
    IOException e = assertThrows(IOException.class, stream::readAllBytes);
    assertTrue(e.getMessage().contains("harvest.maxBodyBytes"), e.getMessage());
  }

  /** Records pause and resume, as an HTTP response would act on them. */
  private static final class Source implements ReadStream<Buffer> {
    volatile boolean paused;
    final Promise<Void> resumed = Promise.promise();

    @Override
    public ReadStream<Buffer> pause() {
      paused = true;
      return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
      paused = false;
      resumed.tryComplete();
      return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
      return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
      return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
      return this;
    }
  }
}
