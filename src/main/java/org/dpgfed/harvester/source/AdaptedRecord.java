package org.dpgfed.harvester.source;

import java.util.List;
import org.dpgfed.harvester.model.Problem;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;

/**
 * One record of a source, mapped onto the shared vocabulary but not yet given the node's IRIs.
 *
 * <p>The description speaks of two placeholder subjects, {@link #PRODUCT} and {@link #RECORD};
 * the harvest job replaces them with the product's and the record's minted IRIs once it knows
 * which records describe the same product.
 *
 * @param id the id the source uses for the record, or null when it has none
 * @param otherIds further ids the source has used for it (kept as extra {@code dct:identifier}s)
 * @param repositories normalised repository URLs (identity strings {@code repo:})
 * @param websites normalised website URLs (identity strings {@code web:}), used when no repository
 * @param description statements about {@link #PRODUCT}, {@link #RECORD} and blank nodes
 * @param problems what was wrong in the record; a violation keeps the record out of the store
 */
public record AdaptedRecord(
    String id,
    List<String> otherIds,
    List<String> repositories,
    List<String> websites,
    Model description,
    List<Problem> problems) {

  public static final IRI PRODUCT = Values.iri("urn:x-dpg-harvester:product");
  public static final IRI RECORD = Values.iri("urn:x-dpg-harvester:record");

  public AdaptedRecord {
    otherIds = List.copyOf(otherIds);
    repositories = List.copyOf(repositories);
    websites = List.copyOf(websites);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.stream().noneMatch(p -> p.severity() == org.dpgfed.harvester.model.Severity.VIOLATION);
  }
}
