package org.dpgfed.harvester.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dpgfed.harvester.source.codejson.CodeJsonAdapter;
import org.dpgfed.harvester.source.dpga.DpgaJsonAdapter;
import org.dpgfed.harvester.source.publiccode.PubliccodeCatalogAdapter;
import org.dpgfed.harvester.source.publiccode.PubliccodeYamlAdapter;
import org.dpgfed.harvester.source.rdf.RdfAdapter;
import org.dpgfed.harvester.source.rdf.SparqlAdapter;

/** The one registry of source formats: adding a format adds one line here. */
public final class Adapters {
  private final Map<String, SourceAdapter> byFormat;

  public Adapters(List<SourceAdapter> adapters) {
    this.byFormat = adapters.stream().collect(Collectors.toUnmodifiableMap(SourceAdapter::format, Function.identity()));
  }

  /** Every format this node can harvest. */
  public static Adapters standard() {
    return new Adapters(List.of(new DpgaJsonAdapter(), new PubliccodeYamlAdapter(), new PubliccodeCatalogAdapter(),
        new CodeJsonAdapter(), new RdfAdapter(), new SparqlAdapter()));
  }

  public Optional<SourceAdapter> forFormat(String format) {
    return Optional.ofNullable(byFormat.get(format));
  }

  public java.util.SortedSet<String> formats() {
    return new java.util.TreeSet<>(byFormat.keySet());
  }
}
