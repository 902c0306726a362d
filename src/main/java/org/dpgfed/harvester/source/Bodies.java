package org.dpgfed.harvester.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A page's bytes as text, a JSON tree or a YAML tree, or an error that says what is wrong and
 * where. Limits keep hostile documents (deep nesting, alias bombs, huge scalars) from exhausting
 * memory: they fail the page with a message instead.
 */
public final class Bodies {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // messages must not echo the page
      .build();
  /** One value of a document that may go on (an array's item): what follows is the caller's to read. */
  private static final ObjectReader ITEM = JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .loaderOptions(yamlLimits())
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build());

  private Bodies() {}

  private static LoaderOptions yamlLimits() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(8 * 1024 * 1024);
    return options;
  }

  /**
   * The page as JSON.
   *
   * @param expected what the page should hold, for messages ("a code.json inventory")
   */
  public static JsonNode json(Page page, String expected) throws AdapterException {
    String text = text(page, expected);
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw unreadable(page, text, e);
    }
  }

  /** What is wrong with a page's JSON, and where. */
  private static AdapterException unreadable(Page page, String text, JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) { // a 50 MB description, nesting thousands deep
      return new AdapterException(page.url() + ": JSON beyond the reader's limits" + where(e) + ": " + firstLine(e.getOriginalMessage()), e);
    }
    String hint = text.stripLeading().startsWith("<") ? " (the body looks like HTML or XML, not JSON)" : "";
    return new AdapterException(page.url() + ": malformed JSON" + where(e) + ": " + e.getOriginalMessage() + hint, e);
  }

  /** Takes one JSON value read from a page. */
  @FunctionalInterface
  public interface JsonItem {
    /** @param index the value's place in the page's array, or -1 when the page is that one value */
    void take(JsonNode item, int index) throws AdapterException;
  }

  /**
   * The page as JSON, an array's items handed over one by one as they are read (only one held at
   * a time), any other value whole; the same checks and messages as {@link #json}.
   */
  public static void jsonItems(Page page, String expected, JsonItem each) throws AdapterException {
    String text = text(page, expected);
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        each.take(ITEM.readTree(parser), -1);
      } else {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          each.take(ITEM.readTree(parser), index++);
        }
      }
      if (parser.nextToken() != null) {
        throw new AdapterException(page.url() + ": malformed JSON" + where(parser.currentLocation())
            + ": more after the end of the document");
      }
    } catch (JsonProcessingException e) {
      throw unreadable(page, text, e);
    } catch (IOException e) {
      throw new AdapterException(page.url() + ": cannot read the JSON: " + e.getMessage(), e);
    }
  }

  /** YAML text (a page, or a document embedded in one) as a tree; {@code where} names it in messages. */
  public static JsonNode yaml(String text, String where) throws AdapterException {
    try {
      JsonNode tree = YAML.readTree(text);
      if (tree == null || tree.isMissingNode()) {
        throw new AdapterException(where + ": the YAML document is empty");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new AdapterException(where + ": malformed YAML" + where(e) + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (RuntimeException e) { // SnakeYAML's limits throw unchecked exceptions
      throw new AdapterException(where + ": YAML refused: " + firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  /** The page as strict UTF-8 text without a byte order mark; empty or blank pages are refused. */
  public static String text(Page page, String expected) throws AdapterException {
    String text = decode(page);
    if (text.isBlank()) {
      throw new AdapterException(page.url() + ": the body is empty; expected " + expected);
    }
    return text;
  }

  private static String where(JsonProcessingException e) {
    return where(e.getLocation());
  }

  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** Strict UTF-8 (JSON's encoding, RFC 8259): a wrong byte is an error, never a replacement character. */
  private static String decode(Page page) throws AdapterException {
    byte[] body = page.body() == null ? new byte[0] : page.body();
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (body[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new AdapterException(String.format("%s: not UTF-8: byte 0x%02X at line %d, column %d (byte offset %d)",
          page.url(), body[offset] & 0xFF, line, offset - lineStart + 1, offset));
    }
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
