package org.dpgfed.harvester.source;

import java.util.List;
import java.util.Optional;
import org.dpgfed.harvester.model.Problem;

/**
 * What an adapter made of one page.
 *
 * @param records the records, in source order
 * @param problems problems of the page as a whole (not of one record)
 * @param next the absolute URL of the next page, when the source is paged and there is one
 */
public record AdaptedPage(List<AdaptedRecord> records, List<Problem> problems, Optional<String> next) {
  public AdaptedPage {
    records = List.copyOf(records);
    problems = List.copyOf(problems);
  }

  public static AdaptedPage single(List<AdaptedRecord> records) {
    return new AdaptedPage(records, List.of(), Optional.empty());
  }
}
