package org.dpgfed.harvester.bench;

import java.util.Random;

/**
 * DPG-like records, the same ones in every format: titles, descriptions, licences, SDGs,
 * countries, repositories and organisations, drawn from a seeded generator so runs compare.
 */
final class Generator {
  private static final String[] LICENCES = {"MIT", "Apache-2.0", "GPL-3.0-only", "AGPL-3.0-only", "BSD-3-Clause",
      "CC-BY-4.0", "MPL-2.0", "EUPL-1.2"};
  private static final String[] COUNTRIES = {"Kenya", "Uganda", "India", "Brazil", "Italy", "Nepal", "Ghana", "Peru",
      "Norway", "Viet Nam", "Rwanda", "Chile"};
  private static final String[] ALPHA2 = {"KE", "UG", "IN", "BR", "IT", "NP", "GH", "PE", "NO", "VN", "RW", "CL"};
  private static final String[] WORDS = {"health", "registry", "education", "water", "climate", "identity", "payments",
      "census", "agriculture", "maps", "learning", "records"};

  /** One generated record. */
  record Product(int i, String name, String description, String licence, int sdg1, int sdg2, int country,
      String repository, String website, String organisation) {}

  static Product product(int i) {
    Random r = new Random(i * 7919L + 17);
    String word = WORDS[r.nextInt(WORDS.length)];
    return new Product(i, "Open " + word + " toolkit " + i,
        "A digital public good for " + word + " number " + i + ", used by ministries and NGOs.",
        LICENCES[r.nextInt(LICENCES.length)], 1 + r.nextInt(17), 1 + r.nextInt(17), r.nextInt(COUNTRIES.length),
        "https://github.com/org" + (i % 997) + "/" + word + "-" + i, "https://" + word + i + ".example.org",
        "Organisation " + (i % 997));
  }

  static String dpgaRecord(Product p) {
    return "{\"id\":\"p" + p.i() + "\",\"name\":\"" + p.name() + "\",\"description\":\"" + p.description()
        + "\",\"website\":\"" + p.website() + "\",\"license\":[{\"spdx\":\"" + p.licence() + "\",\"licenseURL\":\""
        + p.repository() + "/blob/main/LICENSE\"}],\"SDGs\":[{\"SDGNumber\":" + p.sdg1() + "},{\"SDGNumber\":" + p.sdg2()
        + "}],\"type\":[\"software\"],\"repositories\":[{\"name\":\"main\",\"url\":\"" + p.repository()
        + "\"}],\"organizations\":[{\"name\":\"" + p.organisation() + "\",\"website\":\"https://org" + (p.i() % 997)
        + ".example.org\",\"org_type\":\"owner\"}],\"stage\":\"DPG\",\"locations\":{\"developmentCountries\":[\""
        + COUNTRIES[p.country()] + "\"],\"deploymentCountries\":[\"" + COUNTRIES[(p.country() + 1) % COUNTRIES.length]
        + "\"]}}";
  }

  static String publiccodeYaml(Product p) {
    return "publiccodeYmlVersion: \"0.4\"\nname: " + p.name() + "\nurl: " + p.repository() + "\nlandingURL: " + p.website()
        + "\nplatforms: [web]\ncategories: [" + WORDS[p.i() % WORDS.length].replace(' ', '-') + "]\ndevelopmentStatus: stable\n"
        + "softwareType: standalone/web\nlegal:\n  license: " + p.licence() + "\n  mainCopyrightOwner: " + p.organisation()
        + "\nmaintenance:\n  type: community\nlocalisation:\n  localisationReady: true\n  availableLanguages: [en]\n"
        + "intendedAudience:\n  countries: [" + ALPHA2[p.country()] + "]\ndescription:\n  en:\n    shortDescription: "
        + p.description() + "\n    longDescription: " + p.description() + " " + p.description() + "\n    features: [" + p.name()
        + "]\n";
  }

  static String turtle(Product p) {
    String s = "<https://data.example.org/dataset/" + p.i() + ">";
    return s + " a <http://www.w3.org/ns/dcat#Dataset> ;\n  <http://purl.org/dc/terms/title> \"" + p.name() + "\"@en ;\n"
        + "  <http://purl.org/dc/terms/description> \"" + p.description() + "\"@en ;\n"
        + "  <http://purl.org/dc/terms/license> <http://spdx.org/licenses/" + p.licence() + "> ;\n"
        + "  <http://www.w3.org/ns/dcat#landingPage> <" + p.website() + "> ;\n"
        + "  <http://purl.org/dc/terms/subject> <http://metadata.un.org/sdg/" + p.sdg1() + "> , <http://metadata.un.org/sdg/"
        + p.sdg2() + "> ;\n  <http://purl.org/dc/terms/publisher> [ a <http://xmlns.com/foaf/0.1/Organization> ; "
        + "<http://xmlns.com/foaf/0.1/name> \"" + p.organisation() + "\" ] ;\n"
        + "  <http://purl.org/dc/terms/spatial> <http://publications.europa.eu/resource/authority/country/"
        + new java.util.Locale("", ALPHA2[p.country()]).getISO3Country() + "> .\n";
  }

  private Generator() {}
}
