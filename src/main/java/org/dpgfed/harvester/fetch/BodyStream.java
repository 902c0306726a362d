package org.dpgfed.harvester.fetch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A response body as an InputStream for a worker thread, fed chunk by chunk from the event loop.
 * The response pauses while more than {@link #HIGH_WATER} bytes wait to be read, so memory stays
 * bounded whatever the body's size; a failure (cap, timeout, closed connection) reaches the reader
 * as an IOException with its message.
 */
final class BodyStream extends InputStream {
  private static final int HIGH_WATER = 1 << 20;
  private static final int LOW_WATER = 1 << 18;
  private static final Buffer END = Buffer.buffer();

  private final Context context;
  private final BlockingQueue<Buffer> chunks = new LinkedBlockingQueue<>();
  private final Promise<Void> finished = Promise.promise();
  private volatile Throwable failure;
  private volatile ReadStream<Buffer> paused;
  private long queued;
  private Buffer current;
  private int position;

  BodyStream(Context context) {
    this.context = context;
  }

  /** Completes when the last chunk arrived; fails with the reason the body stopped. */
  Future<Void> finished() {
    return finished.future();
  }

  /** On the event loop: one more chunk; pauses {@code from} when the reader falls behind. */
  void offer(Buffer chunk, ReadStream<Buffer> from) {
    if (finished.future().isComplete()) {
      return;
    }
    boolean pause;
    synchronized (this) {
      queued += chunk.length();
      pause = queued > HIGH_WATER && paused == null;
      if (pause) {
        paused = from;
      }
    }
    chunks.add(chunk);
    if (pause) {
      from.pause();
    }
  }

  void end() {
    if (finished.tryComplete()) {
      chunks.add(END);
    }
  }

  void fail(Throwable err) {
    if (finished.tryFail(err)) {
      failure = err;
      chunks.add(END);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (current == null || position == current.length()) {
      if (!next()) {
        return -1;
      }
    }
    int n = Math.min(length, current.length() - position);
    current.getBytes(position, position + n, into, offset);
    position += n;
    return n;
  }

  /** Takes the next chunk; false at the end of the body. */
  private boolean next() throws IOException {
    try {
      current = chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the body", e);
    }
    position = 0;
    if (current == END) {
      chunks.add(END); // later reads see the end too
      if (failure != null) {
        throw new IOException(failure.getMessage(), failure);
      }
      return false;
    }
    resumeIfDrained(current.length());
    return true;
  }

  private void resumeIfDrained(int taken) {
    ReadStream<Buffer> resume = null;
    synchronized (this) {
      queued -= taken;
      if (paused != null && queued < LOW_WATER) {
        resume = paused;
        paused = null;
      }
    }
    if (resume != null) {
      ReadStream<Buffer> stream = resume;
      context.runOnContext(v -> stream.resume());
    }
  }

  /** The reader is done: a body still arriving is abandoned. */
  @Override
  public void close() {
    fail(new IOException("the body was not read to its end"));
  }
}
