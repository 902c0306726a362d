package org.dpgfed.harvester.harvest;

import java.util.ArrayList;
import java.util.List;
import org.dpgfed.harvester.source.AdaptedRecord;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.DynamicModelFactory;

/**
 * What a run keeps of one page until it mints: the page's records, checked against the shapes
 * while the page is at hand, each description moved into a model that holds its statements
 * without indexes (an adapter's model indexes every term several times over, which a run holding
 * many pages cannot afford). Only the minter reads them after this, statement by statement.
 */
final class PageRecords {
  private static final DynamicModelFactory MODELS = new DynamicModelFactory();

  private PageRecords() {}

  /** The page's records, checked and compacted. */
  static List<AdaptedRecord> keep(List<AdaptedRecord> page) {
    List<AdaptedRecord> kept = new ArrayList<>(page.size());
    for (AdaptedRecord record : Shapes.standard().check(page)) {
      kept.add(new AdaptedRecord(record.id(), record.otherIds(), record.repositories(), record.websites(),
          compact(record.description()), record.problems()));
    }
    return kept;
  }

  /** The same statements, unindexed until someone filters them (which the minter does not). */
  static Model compact(Model description) {
    Model compact = MODELS.createEmptyModel();
    // fresh statements: an adapter's statements may point into its model's indexes and keep them alive
    description.forEach(st -> compact.add(st.getSubject(), st.getPredicate(), st.getObject()));
    return compact;
  }
}
