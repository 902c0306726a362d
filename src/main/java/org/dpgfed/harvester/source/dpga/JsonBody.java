package org.dpgfed.harvester.source.dpga;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Page;

/** A page's bytes as a JSON tree, or an error that says what is wrong and where. */
final class JsonBody {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // messages must not echo the page
      .build();

  private JsonBody() {}

  static JsonNode read(Page page) throws AdapterException {
    String text = decode(page);
    if (text.isBlank()) {
      throw new AdapterException(page.url() + ": the body is empty; expected a DPG record (a JSON object) or an array of them");
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String hint = text.stripLeading().startsWith("<") ? " (the body looks like HTML or XML, not JSON)" : "";
      throw new AdapterException(page.url() + ": malformed JSON" + where + ": " + e.getOriginalMessage() + hint, e);
    }
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
