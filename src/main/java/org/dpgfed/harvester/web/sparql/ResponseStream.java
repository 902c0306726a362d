package org.dpgfed.harvester.web.sparql;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a blocking writer (Rio, a query result writer) stream into a Vert.x response from a worker
 * thread: bytes leave in chunks, the writer waits while the connection's queue is full, and a
 * client that went away stops the writer (and with it the query).
 */
final class ResponseStream extends OutputStream {
  private static final int CHUNK = 16 * 1024;

  private final HttpServerResponse response;
  private final byte[] buffer = new byte[CHUNK];
  private int count;

  ResponseStream(HttpServerResponse response) {
    this.response = response;
  }

  @Override
  public void write(int b) throws IOException {
    if (count == CHUNK) {
      send();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int off, int len) throws IOException {
    while (len > 0) {
      if (count == CHUNK) {
        send();
      }
      int n = Math.min(len, CHUNK - count);
      System.arraycopy(bytes, off, buffer, count, n);
      count += n;
      off += n;
      len -= n;
    }
  }

  /** Writers flush when they end; the bytes then go out with the response's end. */
  @Override
  public void flush() {
    // nothing: sending a partial chunk early would commit the status line before a timeout can answer 503
  }

  /** Sends what is buffered; called when the buffer is full and once at the end. */
  void send() throws IOException {
    if (count == 0) {
      return;
    }
    if (response.closed() || response.ended()) {
      throw new IOException("the client closed the connection, or the response was answered already");
    }
    awaitDrain();
    response.write(Buffer.buffer().appendBytes(buffer, 0, count));
    count = 0;
  }

  private void awaitDrain() throws IOException {
    while (response.writeQueueFull() && !response.closed()) {
      CountDownLatch drained = new CountDownLatch(1);
      response.drainHandler(v -> drained.countDown());
      try {
        drained.await(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the client was slow to read");
      }
    }
  }
}
