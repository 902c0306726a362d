package org.dpgfed.harvester.source.rdf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.dpgfed.harvester.source.Countries;
import org.dpgfed.harvester.source.Dates;
import org.dpgfed.harvester.source.Draft;
import org.dpgfed.harvester.source.Licences;
import org.dpgfed.harvester.vocab.DPG;
import org.dpgfed.harvester.vocab.Schema;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * The product model's terms from what DCAT, ADMS, schema.org and CodeMeta say: title, description,
 * type, SPDX licences (also from distributions), normalised repository and homepage, countries,
 * ISO dates. Literals where IRIs belong ({@code dcat:landingPage "https://…"}) are read too.
 */
final class Alignment {
  private static final Set<IRI> DATES = Set.of(DCTERMS.ISSUED, DCTERMS.MODIFIED, Schema.DATE_CREATED, Schema.DATE_MODIFIED);

  private Alignment() {}

  static void map(Model model, Resource subject, Draft draft) {
    draft.product(RDF.TYPE, DCAT.RESOURCE);
    draft.product(RDF.TYPE, Schema.ADMS_ASSET);
    types(model, subject, draft);
    texts(model, subject, draft);
    licences(model, subject, draft);
    for (Value repository : values(model, subject, Schema.CODE_REPOSITORY)) {
      draft.remove(AdaptedRecord.PRODUCT, Schema.CODE_REPOSITORY, repository); // normalised below
      draft.codeRepository(repository.stringValue(), "/codeRepository");
    }
    for (IRI page : List.of(FOAF.HOMEPAGE, DCAT.LANDING_PAGE, Schema.URL)) {
      for (Value link : values(model, subject, page)) {
        if (link.isLiteral()) {
          draft.remove(AdaptedRecord.PRODUCT, page, link);
        }
        draft.homepage(link.stringValue(), "/" + page.getLocalName());
      }
    }
    spatial(model, subject, draft);
    dates(model, subject, draft);
  }

  /** An ADMS asset that is nothing else is a semantic asset (a vocabulary, a schema): a standard. */
  private static void types(Model model, Resource subject, Draft draft) {
    boolean typed = false;
    for (var entry : Products.CLASSES.entrySet()) {
      if (!entry.getValue().equals(DPG.STANDARD) && model.contains(subject, RDF.TYPE, entry.getKey())) {
        draft.product(DCTERMS.TYPE, entry.getValue());
        typed = true;
      }
    }
    if (!typed && model.contains(subject, RDF.TYPE, Schema.ADMS_ASSET)) {
      draft.product(DCTERMS.TYPE, DPG.STANDARD);
    }
  }

  private static void texts(Model model, Resource subject, Draft draft) {
    boolean titled = !model.filter(subject, DCTERMS.TITLE, null).isEmpty();
    model.filter(subject, Schema.NAME, null).objects().stream().filter(Value::isLiteral)
        .forEach(name -> draft.product(DCTERMS.TITLE, name));
    if (!titled && model.filter(subject, Schema.NAME, null).objects().stream().noneMatch(Value::isLiteral)) {
      draft.violation("/title", "the description has no dct:title or schema:name");
    }
    model.filter(subject, Schema.DESCRIPTION, null).objects().stream().filter(Value::isLiteral)
        .forEach(d -> draft.product(DCTERMS.DESCRIPTION, d));
  }

  /** dct:license and schema:license of the product and of its distributions, as SPDX where possible. */
  private static void licences(Model model, Resource subject, Draft draft) {
    List<Value> written = new java.util.ArrayList<>(values(model, subject, DCTERMS.LICENSE));
    written.addAll(values(model, subject, Schema.LICENSE));
    for (Value distribution : model.filter(subject, DCAT.HAS_DISTRIBUTION, null).objects()) {
      if (distribution.isResource()) {
        written.addAll(values(model, (Resource) distribution, DCTERMS.LICENSE));
      }
    }
    for (Value licence : written) {
      Licences.Reading reading = Licences.read(licence.stringValue());
      reading.ids().forEach(id -> draft.product(DCTERMS.LICENSE, Licences.iri(id)));
      if (licence.isLiteral()) {
        draft.product(DPG.LICENSE_ID, licence);
        draft.remove(AdaptedRecord.PRODUCT, DCTERMS.LICENSE, licence); // a licence is a resource in DCAT
      } else if (reading.ids().isEmpty()) {
        draft.product(DCTERMS.LICENSE, licence);
      }
    }
  }

  private static void spatial(Model model, Resource subject, Draft draft) {
    for (Value place : model.filter(subject, DCTERMS.SPATIAL, null).objects()) {
      if (place.isLiteral()) {
        draft.remove(AdaptedRecord.PRODUCT, DCTERMS.SPATIAL, place);
        Optional<String> alpha3 = Countries.alpha3(place.stringValue());
        alpha3.ifPresent(a -> draft.product(DCTERMS.SPATIAL, Countries.iri(a)));
        if (alpha3.isEmpty()) {
          draft.product(DPG.SPATIAL_LABEL, place);
        }
      }
    }
  }

  /** Plain-string dates become typed; those that are not ISO dates ("06/05/2009") are dropped with a warning. */
  private static void dates(Model model, Resource subject, Draft draft) {
    for (IRI property : DATES) {
      for (Value value : model.filter(subject, property, null).objects()) {
        if (!(value instanceof Literal literal) || !XSD.STRING.equals(literal.getDatatype())) {
          continue;
        }
        draft.remove(AdaptedRecord.PRODUCT, property, value);
        Optional<Literal> date = Dates.literal(literal.getLabel());
        date.ifPresent(d -> draft.product(property, d));
        if (date.isEmpty()) {
          draft.warn("/" + property.getLocalName(), "'" + literal.getLabel() + "' is not an ISO date; dropped");
        }
      }
    }
  }

  /** The objects of a property, IRIs and literals alike, a literal's value read as a URL where one is meant. */
  private static List<Value> values(Model model, Resource subject, IRI property) {
    return List.copyOf(model.filter(subject, property, null).objects());
  }

}
