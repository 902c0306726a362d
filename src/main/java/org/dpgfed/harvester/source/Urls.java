package org.dpgfed.harvester.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URL normalisation for product identity ({@code repo:} and {@code web:} strings, FORMATS.md
 * section 6) and for links found in prose. Every method returns empty for a value that is not an
 * absolute http(s) URL, so callers can warn and drop it.
 */
public final class Urls {
  /** {@code git@github.com:owner/repo.git}, the form git prints for SSH remotes. */
  private static final Pattern SCP = Pattern.compile("^[\\w.-]+@([\\w.-]+\\.[a-zA-Z]{2,}):(?!//)/?(.+)$");
  private static final Pattern IN_PROSE = Pattern.compile("(?i)https?://[^\\s<>\"'`{}|\\\\^\\[\\]]+");
  private static final String TRAILING_PUNCTUATION = ".,;:!?)'\"";
  /** Hosts whose paths are case-insensitive and whose first two segments name the repository. */
  private static final Set<String> FORGES = Set.of("github.com", "gitlab.com");

  private Urls() {}

  /**
   * A repository URL: lower-case scheme and host, no {@code www.}, {@code git+}, credentials,
   * query, fragment, trailing slash or {@code .git}; on github.com and gitlab.com only the
   * (lower-cased) project path, without {@code /tree/…} or {@code /blob/…}. A bare host is not a
   * repository.
   */
  public static Optional<String> repository(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String text = raw.strip();
    if (text.regionMatches(true, 0, "git+", 0, 4)) {
      text = text.substring(4);
    }
    Matcher scp = SCP.matcher(text);
    if (scp.matches()) {
      text = "https://" + scp.group(1) + "/" + scp.group(2);
    }
    return parse(text).flatMap(uri -> {
      String host = host(uri);
      String path = withoutGitSuffix(stripSlashes(uri.getRawPath()));
      if (FORGES.contains(host)) {
        path = withoutGitSuffix(forgeProject(host, path.toLowerCase(Locale.ROOT)));
      }
      return path.isEmpty() ? Optional.empty() : Optional.of(origin(uri, host) + path);
    });
  }

  /**
   * Whether a normalised repository URL names only an account or group on github.com or
   * gitlab.com ({@code https://github.com/dhis2}): shared by many products, so no identity.
   */
  public static boolean ownerOnly(String normalisedRepository) {
    Optional<URI> uri = parse(normalisedRepository);
    return uri.isPresent() && FORGES.contains(host(uri.get()))
        && stripSlashes(uri.get().getRawPath()).split("/").length <= 2;
  }

  /** A website: lower-case scheme and host, no {@code www.}, the path without trailing slash; no query or fragment. */
  public static Optional<String> website(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return parse(raw.strip()).map(uri -> origin(uri, host(uri)) + stripSlashes(uri.getRawPath()));
  }

  /** The value itself, trimmed, when it is one absolute http(s) URL (to use as an IRI as written). */
  public static Optional<String> link(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String text = raw.strip();
    return parse(text).map(uri -> text);
  }

  /** Every http(s) URL in a text, in order, without duplicates and without the sentence's punctuation. */
  public static List<String> extract(String text) {
    Set<String> found = new LinkedHashSet<>();
    if (text == null) {
      return List.of();
    }
    Matcher m = IN_PROSE.matcher(text);
    while (m.find()) {
      link(trimPunctuation(m.group())).ifPresent(found::add);
    }
    return new ArrayList<>(found);
  }

  private static Optional<URI> parse(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      boolean http = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
      return http && uri.getHost() != null && uri.getHost().contains(".") ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String host(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static String origin(URI uri, String host) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  private static String withoutGitSuffix(String path) {
    return path.toLowerCase(Locale.ROOT).endsWith(".git") ? stripSlashes(path.substring(0, path.length() - 4)) : path;
  }

  private static String stripSlashes(String path) {
    String p = path == null ? "" : path;
    int end = p.length();
    while (end > 0 && p.charAt(end - 1) == '/') {
      end--;
    }
    return p.substring(0, end);
  }

  /**
   * github.com: /owner/repo. gitlab.com allows subgroups, so there the project path ends where
   * GitLab's "/-/" (or an old-style /tree/ or /blob/) begins.
   */
  private static String forgeProject(String host, String path) {
    String[] segments = path.split("/");
    int end = segments.length;
    if (host.equals("github.com")) {
      end = Math.min(end, 3);
    } else {
      for (int i = 3; i < segments.length; i++) {
        if (segments[i].equals("-") || segments[i].equals("tree") || segments[i].equals("blob")) {
          end = i;
          break;
        }
      }
    }
    return stripSlashes(String.join("/", List.of(segments).subList(0, end)));
  }

  private static String trimPunctuation(String url) {
    int end = url.length();
    while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
      // a closing parenthesis belongs to the URL when it opened one (Wikipedia links)
      if (url.charAt(end - 1) == ')' && url.substring(0, end).chars().filter(c -> c == '(').count()
          >= url.substring(0, end).chars().filter(c -> c == ')').count()) {
        break;
      }
      end--;
    }
    return url.substring(0, end);
  }
}
