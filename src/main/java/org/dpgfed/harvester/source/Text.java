package org.dpgfed.harvester.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strings as the registry writes them: "" and "null" for nothing, stray spaces, Windows line
 * ends, and (in the v2 API) sentences cut into array items at every comma.
 */
public final class Text {
  private Text() {}

  /** A string, number or boolean, trimmed, with {@code \n} line ends; empty for "", blanks and "null". */
  public static Optional<String> of(JsonNode node) {
    if (node == null || !(node.isTextual() || node.isNumber() || node.isBoolean())) {
      return Optional.empty();
    }
    return clean(node.asText());
  }

  private static Optional<String> clean(String raw) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
    return text.isEmpty() || text.equalsIgnoreCase("null") ? Optional.empty() : Optional.of(text);
  }

  public static Optional<String> field(JsonNode object, String name) {
    return of(object.get(name));
  }

  /** A string or an array of strings, each cleaned; blank items dropped. */
  public static List<String> list(JsonNode node) {
    List<String> items = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(item -> of(item).ifPresent(items::add));
    } else {
      of(node).ifPresent(items::add);
    }
    return items;
  }

  /** A cleaned item of a string-or-array field, with its pointer suffix ("/2", or "" for a plain string). */
  public record Item(String at, String text) {}

  /** Like {@link #list}, keeping where each item was, for problem paths. */
  public static List<Item> items(JsonNode node) {
    List<Item> items = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String at = "/" + i;
        of(node.get(i)).ifPresent(text -> items.add(new Item(at, text)));
      }
    } else {
      of(node).ifPresent(text -> items.add(new Item("", text)));
    }
    return items;
  }

  /**
   * Like {@link #list}, but an item that starts with a space continues the item before it: the v2
   * API splits free text at commas ({@code ["All statutory boards", " ministries and …"]}).
   */
  public static List<String> rejoined(JsonNode node) {
    if (node == null || !node.isArray()) {
      return list(node);
    }
    List<String> raw = new ArrayList<>();
    for (JsonNode item : node) {
      String text = item.isTextual() ? item.asText() : "";
      if (!raw.isEmpty() && text.startsWith(" ")) {
        raw.set(raw.size() - 1, raw.get(raw.size() - 1) + "," + text);
      } else {
        raw.add(text);
      }
    }
    List<String> items = new ArrayList<>();
    raw.forEach(text -> clean(text).ifPresent(items::add));
    return items;
  }

  /** Whether a text says nothing but the given links ("https://…/LICENSE", or a list of URLs). */
  public static boolean onlyLinks(String text, List<String> links) {
    String rest = text;
    for (String link : links) {
      rest = rest.replace(link, " ");
    }
    return rest.replaceAll("[\\s\\p{Punct}]+", "").isEmpty();
  }
}
