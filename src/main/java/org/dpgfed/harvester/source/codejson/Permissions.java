package org.dpgfed.harvester.source.codejson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Licences;
import org.dpgfed.harvester.source.Text;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;

/**
 * Licences and usage: 2.0.0 {@code permissions{licenses[{name, URL}], usageType, exemptionText}}
 * ({@code "null"} strings for nothing, {@code "CC0"} for CC0-1.0); 1.0.x {@code license} (a name or
 * a URL) and {@code openSourceProject}/{@code governmentWideReuseProject} flags.
 */
final class Permissions {
  /** "https://api.github.com/licenses/mit": GitHub's licence API names the SPDX id last. */
  private static final Pattern GITHUB_API = Pattern.compile("(?i)^https?://api\\.github\\.com/licenses/([^/?#]+)/?$");
  private static final Pattern CC0 = Pattern.compile("(?i)^https?://creativecommons\\.org/publicdomain/zero/1\\.0/?.*$");

  private Permissions() {}

  static void map(JsonNode release, Draft draft) {
    JsonNode permissions = release.path("permissions");
    JsonNode licenses = permissions.path("licenses");
    boolean any = false;
    for (int i = 0; i < licenses.size(); i++) {
      JsonNode entry = licenses.get(i);
      any |= licence(Text.field(entry, "name"), Text.field(entry, "URL"), "/permissions/licenses/" + i, draft);
    }
    Optional<String> legacy = Text.field(release, "license");
    if (legacy.isPresent()) {
      boolean url = Urls.link(legacy.get()).isPresent();
      any |= licence(url ? Optional.empty() : legacy, url ? legacy : Optional.empty(), "/license", draft);
    }
    if (!any) {
      draft.warn("/permissions/licenses", "the release names no licence");
    }
    Text.list(permissions.get("usageType")).forEach(u -> draft.product(DPG.USAGE_TYPE, Values.literal(u)));
    Text.field(permissions, "exemptionText").ifPresent(t -> draft.product(DPG.EXEMPTION_TEXT, Values.literal(t)));
    if (release.path("openSourceProject").asInt() == 1) {
      draft.product(DPG.USAGE_TYPE, Values.literal("openSource"));
    }
    if (release.path("governmentWideReuseProject").asInt() == 1) {
      draft.product(DPG.USAGE_TYPE, Values.literal("governmentWideReuse"));
    }
  }

  /** One licence by name or by URL; true when an SPDX id came out of it. */
  private static boolean licence(Optional<String> name, Optional<String> url, String path, Draft draft) {
    Optional<String> link = url.flatMap(Urls::link);
    link.ifPresent(l -> draft.product(DPG.LICENSE_EVIDENCE, Values.iri(l)));
    name.ifPresent(n -> draft.product(DPG.LICENSE_ID, Values.literal(n)));
    List<String> ids = name.map(n -> Licences.read(n).ids()).orElse(List.of());
    if (ids.isEmpty()) {
      ids = link.flatMap(Permissions::fromUrl).map(List::of).orElse(List.of());
    }
    ids.forEach(id -> draft.product(DCTERMS.LICENSE, Licences.iri(id)));
    if (ids.isEmpty() && (name.isPresent() || link.isPresent())) {
      draft.warn(path, "'" + name.or(() -> link).get() + "' is not an SPDX licence; kept as written only");
    }
    return !ids.isEmpty();
  }

  private static Optional<String> fromUrl(String url) {
    if (CC0.matcher(url).matches()) {
      return Optional.of("CC0-1.0");
    }
    Matcher github = GITHUB_API.matcher(url);
    String candidate = github.matches() ? github.group(1) : url;
    List<String> ids = Licences.read(candidate).ids();
    return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
  }
}
