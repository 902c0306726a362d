package org.dpgfed.harvester.harvest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.DynamicModelFactory;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Statements;

/**
 * Keeps a run's records in a file in the data directory, one after another, so that a run holds
 * one page of records at a time however large its source; read back one by one when minting. The
 * file goes when the run ends; files a crash left behind go at start-up.
 */
final class RecordSpill implements RunRecords.Keeper, AutoCloseable {
  private static final String SUFFIX = ".records";
  private static final DynamicModelFactory MODELS = new DynamicModelFactory();

  /** What minting needs of a record: the rest is in the run's identity strings and problems. */
  private record Spilled(String id, List<String> otherIds, List<Statement> description) implements Serializable {}

  private final FileChannel file;
  private long end;

  /** A new file in {@code dir}, deleted when closed. */
  RecordSpill(Path dir) {
    try {
      Files.createDirectories(dir);
      Path path = Files.createTempFile(dir, "run-", SUFFIX);
      file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the run's records in " + dir, e);
    }
  }

  /** Deletes the files of runs that a crash interrupted. */
  static void clear(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path path : left) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }

  @Override
  public synchronized long keep(AdaptedRecord record) {
    // fresh statements: an adapter's statements may point into its model's indexes
    List<Statement> description = record.description().stream()
        .map(st -> Statements.statement(st.getSubject(), st.getPredicate(), st.getObject(), null)).toList();
    byte[] bytes = serialize(new Spilled(record.id(), record.otherIds(), description));
    long at = end;
    ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes).flip();
    try {
      while (buffer.hasRemaining()) {
        end += file.write(buffer, end);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a record of the run", e);
    }
    return at;
  }

  @Override
  public synchronized AdaptedRecord get(long handle) {
    try {
      ByteBuffer length = read(handle, Integer.BYTES);
      Spilled spilled = (Spilled) new ObjectInputStream(new ByteArrayInputStream(
          read(handle + Integer.BYTES, length.getInt()).array())).readObject();
      Model description = MODELS.createEmptyModel();
      description.addAll(spilled.description());
      return new AdaptedRecord(spilled.id(), spilled.otherIds(), List.of(), List.of(), description, List.of());
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read back a record of the run", e);
    }
  }

  private ByteBuffer read(long at, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (file.read(buffer, at + buffer.position()) < 0) {
        throw new IOException("the run's records end early");
      }
    }
    return buffer.flip();
  }

  private static byte[] serialize(Spilled spilled) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(spilled);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a record of the run", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the run's records", e);
    }
  }
}
