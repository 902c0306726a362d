package org.dpgfed.harvester.harvest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.model.Severity;

/**
 * The problems a run found, in the order found: the first {@value #HELD} in memory, the rest in a
 * file beside the run's records, so a source with a warning on every one of a million records
 * does not hold a million problems. Iterable as often as needed; delete the file with {@link #close()}.
 */
final class ProblemLog implements Iterable<Problem>, AutoCloseable {
  static final int HELD = 10_000;
  static final String SUFFIX = ".problems";

  private final Path dir;
  private final List<Problem> held = new ArrayList<>();
  private Path file;
  private DataOutputStream out;
  private int size;

  /** @param dir where problems past the first {@value #HELD} go, or null to hold them all */
  ProblemLog(Path dir) {
    this.dir = dir;
  }

  synchronized void add(Problem p) {
    size++;
    if (held.size() < HELD || dir == null) {
      held.add(p);
      return;
    }
    try {
      if (out == null) {
        file = Files.createTempFile(dir, "run-", SUFFIX);
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
      }
      text(out, p.record());
      out.writeByte(p.severity().ordinal());
      text(out, p.path());
      text(out, p.message());
      text(out, p.check() == null ? null : p.check().shape());
      text(out, p.check() == null ? null : p.check().component());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the run's problems", e);
    }
  }

  synchronized int size() {
    return size;
  }

  @Override
  public synchronized Iterator<Problem> iterator() {
    Iterator<Problem> first = List.copyOf(held).iterator();
    if (out == null) {
      return first;
    }
    try {
      out.flush();
      DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
      return new Iterator<>() {
        private Problem next = advance();

        private Problem advance() {
          if (first.hasNext()) {
            return first.next();
          }
          try {
            String record = text(in);
            Severity severity = Severity.values()[in.readByte()];
            String path = text(in);
            String message = text(in);
            String shape = text(in);
            String component = text(in);
            return new Problem(record, severity, path, message, shape == null ? null : new Problem.Check(shape, component));
          } catch (EOFException end) {
            close(in);
            return null;
          } catch (IOException e) {
            close(in);
            throw new UncheckedIOException("cannot read back the run's problems", e);
          }
        }

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public Problem next() {
          if (next == null) {
            throw new NoSuchElementException();
          }
          Problem p = next;
          next = advance();
          return p;
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back the run's problems", e);
    }
  }

  private static void close(DataInputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // a read-only file: nothing is lost
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (out != null) {
        out.close();
        Files.deleteIfExists(file);
        out = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the run's problems", e);
    }
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] utf8 = new byte[length];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
