package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.dpgfed.harvester.source.Sdgs;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;

/**
 * Sustainable Development Goals with their evidence (indicator 1 of the DPG Standard). v1:
 * {@code SDGs[]} of {@code {SDGNumber, evidenceText, evidenceURL}} (older files: numbers or
 * {@code [16, "Peace…"]} tuples); v2: {@code sdgs{sdg: ["SDG4: Quality Education"], relevance}}.
 */
final class Goals {
  private Goals() {}

  static void map(JsonNode record, Draft draft) {
    int found = 0;
    JsonNode v1 = record.path("SDGs");
    for (int i = 0; i < v1.size(); i++) {
      JsonNode entry = v1.get(i);
      String evidence = entry.isObject() ? Text.field(entry, "evidenceText").orElse(null) : null;
      String urls = entry.isObject() ? Text.field(entry, "evidenceURL").orElse(null) : null;
      found += goal(entry, evidence, urls, "/SDGs/" + i, draft);
    }
    JsonNode v2 = record.path("sdgs");
    JsonNode goals = v2.isObject() ? v2.path("sdg") : v2;
    String relevance = v2.isObject() ? Text.field(v2, "relevance").orElse(null) : null;
    for (int i = 0; i < goals.size(); i++) {
      String path = v2.isObject() ? "/sdgs/sdg/" + i : "/sdgs/" + i;
      found += goal(goals.get(i), relevance, relevance, path, draft);
    }
    if (found == 0) {
      draft.warn("/SDGs", "the record names no Sustainable Development Goal");
    }
  }

  /**
   * One goal and its {@code dpg:SDGRelevance} node. {@code urls} is prose that holds the evidence
   * URLs ("About DHIS2: https://…"); its URLs become links and, when it says more than that, its
   * text is kept too. Returns 1 when the goal could be read.
   */
  private static int goal(JsonNode entry, String evidence, String urls, String path, Draft draft) {
    OptionalInt goal = Sdgs.parse(entry);
    if (goal.isEmpty()) {
      Optional<String> text = Text.of(entry.isObject() ? entry.get("SDGNumber") : entry);
      draft.warn(path, "cannot read a goal 1-17 in " + text.map(t -> "'" + t + "'").orElse(entry.toString()) + "; dropped");
      return 0;
    }
    draft.product(DCTERMS.SUBJECT, Sdgs.iri(goal.getAsInt()));
    BNode relevance = draft.node(DPG.SDG_RELEVANCE);
    draft.product(DPG.HAS_SDG_RELEVANCE, relevance);
    draft.add(relevance, DPG.GOAL, Sdgs.iri(goal.getAsInt()));
    if (evidence != null) {
      draft.add(relevance, DPG.EVIDENCE_TEXT, Values.literal(evidence, "en"));
    }
    if (urls != null) {
      List<String> links = Urls.extract(urls);
      links.forEach(url -> draft.add(relevance, DPG.EVIDENCE_URL, Values.iri(url)));
      if (!Text.onlyLinks(urls, links)) {
        draft.add(relevance, DPG.EVIDENCE_TEXT, Values.literal(urls, "en"));
      }
    }
    return 1;
  }
}
