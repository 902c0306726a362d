package org.dpgfed.harvester.harvest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.registry.IdentityIndex;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.DynamicModelFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Statements;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Keeps a run's records in a file in the data directory, one after another, so that a run holds
 * one page of records at a time however large its source; read back one by one when minting. The
 * file goes when the run ends; files a crash left behind go at start-up.
 *
 * <p>A record is written as its length, its local id, its identity strings, its id, its other ids,
 * and its statements, each term a kind byte and its text ({@link #write(DataOutputStream, Value)}):
 * what reconciling and minting need of it, the rest being in the run's problems.
 */
final class RecordSpill implements RunRecords.Keeper, AutoCloseable {
  private static final String SUFFIX = ".records";
  private static final DynamicModelFactory MODELS = new DynamicModelFactory();
  private static final SimpleValueFactory TERMS = SimpleValueFactory.getInstance();
  private static final byte IRI_TERM = 1;
  private static final byte BLANK = 2;
  private static final byte STRING = 3;
  private static final byte LANGUAGE = 4;
  private static final byte TYPED = 5;
  private static final byte NONE = 0;

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
    try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, "*{" + SUFFIX + "," + ProblemLog.SUFFIX + "}")) {
      for (Path path : left) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }

  @Override
  public synchronized long keep(RunRecords.Kept kept) {
    byte[] bytes = encode(kept);
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
  public synchronized RunRecords.Kept get(long handle) {
    try {
      ByteBuffer length = read(handle, Integer.BYTES);
      return decode(read(handle + Integer.BYTES, length.getInt()).array());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read back a record of the run", e);
    }
  }

  static byte[] encode(RunRecords.Kept kept) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    AdaptedRecord record = kept.record();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      text(out, kept.localId());
      IdentityIndex.Entry identity = kept.identity();
      for (Set<String> strings : List.of(identity.strings(), identity.aliases(), identity.names(), identity.organisations())) {
        texts(out, strings);
      }
      text(out, record.id());
      out.writeInt(record.otherIds().size());
      for (String id : record.otherIds()) {
        text(out, id);
      }
      out.writeInt(record.description().size());
      for (Statement st : record.description()) {
        write(out, st.getSubject());
        write(out, st.getPredicate());
        write(out, st.getObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a record of the run", e);
    }
    return bytes.toByteArray();
  }

  static RunRecords.Kept decode(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    String localId = text(in);
    IdentityIndex.Entry identity = new IdentityIndex.Entry(texts(in), texts(in), texts(in), texts(in));
    String id = text(in);
    int others = in.readInt();
    List<String> otherIds = new ArrayList<>(others);
    for (int i = 0; i < others; i++) {
      otherIds.add(text(in));
    }
    int statements = in.readInt();
    Model description = MODELS.createEmptyModel();
    for (int i = 0; i < statements; i++) {
      description.add(Statements.statement((Resource) read(in), (IRI) read(in), read(in), null));
    }
    return new RunRecords.Kept(localId, new AdaptedRecord(id, otherIds, List.of(), List.of(), description, List.of()),
        identity);
  }

  private static void texts(DataOutputStream out, Set<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      text(out, s);
    }
  }

  private static Set<String> texts(DataInputStream in) throws IOException {
    int n = in.readInt();
    Set<String> strings = new java.util.HashSet<>(n * 2);
    for (int i = 0; i < n; i++) {
      strings.add(text(in));
    }
    return strings;
  }

  /** A term: its kind, its text, and a literal's language or datatype. */
  private static void write(DataOutputStream out, Value value) throws IOException {
    if (value instanceof IRI iri) {
      out.writeByte(IRI_TERM);
      text(out, iri.stringValue());
    } else if (value instanceof BNode node) {
      out.writeByte(BLANK);
      text(out, node.getID());
    } else if (value instanceof Literal literal && literal.getLanguage().isPresent()) {
      out.writeByte(LANGUAGE);
      text(out, literal.getLabel());
      text(out, literal.getLanguage().get());
    } else if (value instanceof Literal literal && literal.getDatatype().equals(XSD.STRING)) {
      out.writeByte(STRING);
      text(out, literal.getLabel());
    } else if (value instanceof Literal literal) {
      out.writeByte(TYPED);
      text(out, literal.getLabel());
      text(out, literal.getDatatype().stringValue());
    } else {
      throw new IllegalArgumentException("a record's statement holds a term a run cannot keep: " + value);
    }
  }

  private static Value read(DataInputStream in) throws IOException {
    byte kind = in.readByte();
    return switch (kind) { // as kept, unchecked: a literal that is not valid for its datatype stays as the source wrote it
      case IRI_TERM -> TERMS.createIRI(text(in));
      case BLANK -> TERMS.createBNode(text(in));
      case STRING -> TERMS.createLiteral(text(in));
      case LANGUAGE -> TERMS.createLiteral(text(in), text(in));
      case TYPED -> TERMS.createLiteral(text(in), TERMS.createIRI(text(in)));
      default -> throw new IOException("the run's records hold an unknown term kind " + kind);
    };
  }

  /** A string of any length (or null): its UTF-8 length, then its bytes. */
  private static void text(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeByte(NONE);
      return;
    }
    out.writeByte(1);
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String text(DataInputStream in) throws IOException {
    if (in.readByte() == NONE) {
      return null;
    }
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
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

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the run's records", e);
    }
  }
}
