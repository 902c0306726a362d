package org.dpgfed.harvester.source.dpga;

import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dpgfed.harvester.source.Urls;
import org.dpgfed.harvester.vocab.DPG;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDFS;

/**
 * The screening answers (indicators 3-9 of the DPG Standard), one {@code dpg:Assessment} node per
 * question answered, plus the lists worth querying on their own: supported standards and privacy laws.
 */
final class Screening {
  /**
   * Where a question's answer is, and the fields that explain it (paths step into every item of an
   * array, so v1 objects and v2 arrays of objects read alike). v2 free text is cut at commas.
   */
  private record Question(IRI indicator, String answer, List<String> notes, boolean v2) {}

  private static final List<Question> QUESTIONS = List.of(
      v1(DPG.INDICATOR_3, "clearOwnership/isOwnershipExplicit", "clearOwnership/copyrightURL"),
      v2(DPG.INDICATOR_3, "clearOwnership/clearOwnershipName", "clearOwnership/clearOwnershipURL"),
      v1(DPG.INDICATOR_4, "platformIndependence/mandatoryDepsCreateMoreRestrictions"),
      v1(DPG.INDICATOR_4, "platformIndependence/isSoftwarePltIndependent", "platformIndependence/pltIndependenceDesc"),
      v2(DPG.INDICATOR_4, "platformIndependence/isPlatformIndependent", "platformIndependence/openAlternatives"),
      v1(DPG.INDICATOR_5, "documentation/isDocumentationAvailable"),
      v1(DPG.INDICATOR_6, "NonPII/collectsNonPII", "NonPII/nonPIIAccessMechanism"),
      v1(DPG.INDICATOR_6, "NonPII/checkNonPIIAccessMechanism"),
      v1(DPG.INDICATOR_7, "privacy/isPrivacyCompliant", "privacy/adherenceSteps"),
      v2(DPG.INDICATOR_7, "privacy/privacyCompliance", "privacy/privacyComplianceURL"),
      v1(DPG.INDICATOR_8, "standards/supportStandards", "standards/evidenceStandardSupport"),
      v1(DPG.INDICATOR_8, "standards/implementBestPractices", "standards/bestPracticesList"),
      v2(DPG.INDICATOR_8, "bestPractices"),
      v1(DPG.INDICATOR_9, "doNoHarm/preventHarm/stepsToPreventHarm",
          "doNoHarm/preventHarm/additionalInfoMechanismProcessesPolicies"),
      v1(DPG.INDICATOR_9A, "doNoHarm/dataPrivacySecurity/collectsPII", "doNoHarm/dataPrivacySecurity/typesOfDataCollected"),
      v1(DPG.INDICATOR_9A, "doNoHarm/dataPrivacySecurity/thirdPartyDataSharing",
          "doNoHarm/dataPrivacySecurity/dataSharingCircumstances"),
      v1(DPG.INDICATOR_9A, "doNoHarm/dataPrivacySecurity/ensurePrivacySecurity",
          "doNoHarm/dataPrivacySecurity/privacySecurityDescription"),
      v2(DPG.INDICATOR_9A, "dataPrivacySecurity/collectsPII", "dataPrivacySecurity/typesOfPIIDataCollected",
          "dataPrivacySecurity/dataPrivacySecurity"),
      v1(DPG.INDICATOR_9B, "doNoHarm/inappropriateIllegalContent/collectStoreDistribute",
          "doNoHarm/inappropriateIllegalContent/type"),
      v1(DPG.INDICATOR_9B, "doNoHarm/inappropriateIllegalContent/contentFilter",
          "doNoHarm/inappropriateIllegalContent/policyGuidelinesDocumentationLink"),
      v1(DPG.INDICATOR_9B, "doNoHarm/inappropriateIllegalContent/illegalContentDetection",
          "doNoHarm/inappropriateIllegalContent/illegalContentDetectionMechanism"),
      v2(DPG.INDICATOR_9B, "userContent/contentManagement", "userContent/contentTypes",
          "userContent/contentManagementPolicy"),
      v1(DPG.INDICATOR_9C, "doNoHarm/protectionFromHarassment/userInteraction"),
      v1(DPG.INDICATOR_9C, "doNoHarm/protectionFromHarassment/addressSafetySecurityUnderageUsers",
          "doNoHarm/protectionFromHarassment/stepsAddressRiskPreventSafetyUnderageUsers"),
      v1(DPG.INDICATOR_9C, "doNoHarm/protectionFromHarassment/griefAbuseHarassmentProtection",
          "doNoHarm/protectionFromHarassment/harassmentProtectionSteps"),
      v2(DPG.INDICATOR_9C, "protectionFromHarassment/facilitatesUserInteraction",
          "protectionFromHarassment/harassmentPolicy"));

  private static final Pattern BULLET = Pattern.compile("\n(?=\\* )");
  private static final Map<String, IRI> ANSWERS = Map.of("yes", DPG.YES, "no", DPG.NO, "unknown", DPG.UNKNOWN);

  private Screening() {}

  static void map(JsonNode record, Draft draft) {
    QUESTIONS.forEach(question -> assess(record, question, draft));
    values(record, "standards/standardsList", false).forEach(s -> draft.product(DPG.SUPPORTS_STANDARD, Values.literal(s)));
    values(record, "openStandards", true).stream().flatMap(Screening::bullets)
        .forEach(s -> draft.product(DPG.SUPPORTS_STANDARD, Values.literal(s)));
    for (String path : List.of("privacy/privacyComplianceList", "privacy/privacyCompliance")) {
      values(record, path, false).forEach(law -> draft.product(DPG.PRIVACY_COMPLIANCE, Values.literal(law, "en")));
    }
  }

  /** v2 lists standards as one bulleted paragraph ("* OIDC …\n\n* JSON\n\n* JWT"): one standard a bullet. */
  private static Stream<String> bullets(String text) {
    return BULLET.splitAsStream(text).map(String::strip).map(s -> s.startsWith("* ") ? s.substring(2).strip() : s)
        .filter(s -> !s.isEmpty());
  }

  /** Yes/No/Unknown become {@code dpg:answer}; any other answer text and the notes become the comment. */
  private static void assess(JsonNode record, Question question, Draft draft) {
    List<String> answers = values(record, question.answer(), question.v2());
    List<String> prose = new ArrayList<>();
    question.notes().forEach(note -> prose.addAll(values(record, note, question.v2())));
    if (answers.isEmpty() && prose.isEmpty()) {
      return;
    }
    BNode node = draft.node(DPG.ASSESSMENT);
    draft.product(DPG.HAS_ASSESSMENT, node);
    draft.add(node, DPG.INDICATOR, question.indicator());
    String answerPath = question.answer();
    draft.add(node, DPG.QUESTION, Values.literal(answerPath.substring(answerPath.lastIndexOf('/') + 1)));
    List<String> comment = new ArrayList<>();
    for (String answer : answers) {
      IRI known = ANSWERS.get(answer.toLowerCase(Locale.ROOT));
      if (known != null) {
        draft.add(node, DPG.ANSWER, known);
      } else {
        comment.add(answer);
      }
    }
    comment.addAll(prose);
    explain(node, comment, draft);
  }

  /** The links in the prose become evidence; the prose itself a comment, unless it was only links. */
  private static void explain(BNode node, List<String> prose, Draft draft) {
    if (prose.isEmpty()) {
      return;
    }
    String text = String.join("\n", prose);
    List<String> links = Urls.extract(text);
    links.forEach(url -> draft.add(node, DPG.EVIDENCE_URL, Values.iri(url)));
    if (!Text.onlyLinks(text, links)) {
      draft.add(node, RDFS.COMMENT, Values.literal(text, "en"));
    }
  }

  /** The cleaned strings at a path like "privacy/privacyComplianceList", stepping into arrays. */
  private static List<String> values(JsonNode record, String path, boolean v2) {
    List<JsonNode> nodes = List.of(record);
    for (String segment : path.split("/")) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : nodes) {
        if (node.isArray()) {
          node.forEach(item -> addIfPresent(next, item.get(segment)));
        } else {
          addIfPresent(next, node.get(segment));
        }
      }
      nodes = next;
    }
    List<String> values = new ArrayList<>();
    nodes.forEach(node -> values.addAll(v2 ? Text.rejoined(node) : Text.list(node)));
    return values;
  }

  private static void addIfPresent(List<JsonNode> nodes, JsonNode node) {
    if (node != null) {
      nodes.add(node);
    }
  }

  private static Question v1(IRI indicator, String answer, String... notes) {
    return new Question(indicator, answer, List.of(notes), false);
  }

  private static Question v2(IRI indicator, String answer, String... notes) {
    return new Question(indicator, answer, List.of(notes), true);
  }
}
