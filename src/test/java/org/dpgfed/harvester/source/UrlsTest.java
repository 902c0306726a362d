package org.dpgfed.harvester.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // DPGA: trailing slash (antura-and-the-letters) and .git (nise)
      "https://github.com/vgwb/Antura_arabic/, https://github.com/vgwb/antura_arabic",
      "https://github.com/nise3/Core-API-Service.git, https://github.com/nise3/core-api-service",
      // GitHub paths are case-insensitive and the registries disagree (I-Stem/science vs i-stem/science)
      "https://github.com/I-Stem/science, https://github.com/i-stem/science",
      // www., scheme and host case, credentials, query, fragment
      "HTTPS://WWW.GitHub.com/dhis2/dhis2-core?tab=readme#top, https://github.com/dhis2/dhis2-core",
      "https://user:token@github.com/opengovsg/FormSG, https://github.com/opengovsg/formsg",
      // deep links into a repository
      "https://github.com/nordic-institute/X-Road/tree/develop/src, https://github.com/nordic-institute/x-road",
      "https://github.com/dhis2/dhis2-core/blob/master/LICENSE, https://github.com/dhis2/dhis2-core",
      "https://gitlab.com/group/sub/project/-/tree/main, https://gitlab.com/group/sub/project",
      "https://gitlab.com/librehealth/ehr/tree/master, https://gitlab.com/librehealth/ehr",
      // npm's and git's own spellings
      "git+https://github.com/getodk/central.git, https://github.com/getodk/central",
      "git@github.com:globaleaks/GlobaLeaks.git, https://github.com/globaleaks/globaleaks",
      // other hosts keep their path's case; Mercurial (gnu-health) and self-hosted GitLab (stopcovid)
      "https://hg.savannah.gnu.org/hgweb/health/, https://hg.savannah.gnu.org/hgweb/health",
      "https://gitlab.inria.fr/stopcovid19/accueil/, https://gitlab.inria.fr/stopcovid19/accueil",
      "http://invent.kde.org:80/education/gcompris.git, http://invent.kde.org/education/gcompris",
      "https://git.example.org:8443/a/b, https://git.example.org:8443/a/b"})
  void normalisesRepositoryUrls(String written, String normalised) {
    assertEquals(Optional.of(normalised), Urls.repository(written));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "ftp://ftp.gnu.org/gnu/health/", "github.com/dhis2/dhis2-core",
      "backend：https://github.com/xiaoyudi-China/yuudee", "https://github.com/", "https://github.com",
      "http://localhost/repo", "not a url"})
  void rejectsWhatIsNoRepositoryUrl(String written) {
    assertEquals(Optional.empty(), Urls.repository(written));
  }

  @Test
  void tellsAnAccountFromARepository() {
    // open-drone-suite lists https://github.com/team-asr; the Global Goods Guidebook https://github.com/dhis2
    assertTrue(Urls.ownerOnly("https://github.com/team-asr"));
    assertTrue(Urls.ownerOnly("https://gitlab.com/statwig-public"));
    assertFalse(Urls.ownerOnly("https://github.com/dhis2/dhis2-core"));
    assertFalse(Urls.ownerOnly("https://hg.savannah.gnu.org/hgweb"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "'https://form.gov.sg ', https://form.gov.sg", // v2 FormSG: a trailing space
      "https://www.dhis2.org/, https://dhis2.org",
      "https://www.gcompris.net/index-en.html, https://gcompris.net/index-en.html",
      "HTTP://Digital.Apps.FAO.org/Path/?q=1#x, http://digital.apps.fao.org/Path"})
  void normalisesWebsitesKeepingThePath(String written, String normalised) {
    assertEquals(Optional.of(normalised), Urls.website(written));
  }

  @Test
  void keepsALinkAsWrittenWhenItIsOne() {
    assertEquals(Optional.of("https://form.gov.sg"), Urls.link(" https://form.gov.sg "));
    assertEquals(Optional.empty(), Urls.link("see the COPYING file"));
    assertEquals(Optional.empty(), Urls.link("fsf.org"));
  }

  @Test
  void findsTheLinksInProse() {
    // dhis2.json SDG 3 evidenceURL
    String evidence = "Additional information:\nAbout DHIS2: https://www.dhis2.org/about\n"
        + "Overview of DHIS2 deployments: https://www.dhis2.org/in-action.";
    assertEquals(List.of("https://www.dhis2.org/about", "https://www.dhis2.org/in-action"), Urls.extract(evidence));
    // FormSG harassmentPolicy: "… CONTRIBUTING.md ;" and a link in parentheses
    assertEquals(List.of("https://github.com/opengovsg/FormSG/blob/develop/CONTRIBUTING.md", "https://opentracing.io/"),
        Urls.extract("Contributing guidelines - https://github.com/opengovsg/FormSG/blob/develop/CONTRIBUTING.md ;\n"
            + "(open tracing solutions https://opentracing.io/)"));
    assertEquals(List.of("https://en.wikipedia.org/wiki/Data_(computing)"),
        Urls.extract("see https://en.wikipedia.org/wiki/Data_(computing)."));
    assertEquals(List.of(), Urls.extract("go.gov.sg/formsg-support"));
  }
}
