package org.dpgfed.harvester.source;

import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the bytes of one page of a source into records in the shared vocabulary. Pure: no HTTP,
 * no store, no Vert.x. A paged source's adapter says where the next page is; the harvest job
 * fetches it.
 */
public interface SourceAdapter {
  /** The {@code format} name operators give when they register a source. */
  String format();

  /** The Accept header to fetch this format's pages with. */
  default String accept() {
    return "*/*";
  }

  /** Reads one page. Record-level trouble goes into the records' problems; only an unreadable page throws. */
  AdaptedPage adapt(Page page) throws AdapterException;

  /**
   * Reads one page, handing each record to {@code each} as soon as it is made rather than all at
   * the end, so that a large page need not hold them all; the page returned has no records. An
   * unreadable page may throw after some records were handed over.
   */
  default AdaptedPage adapt(Page page, Consumer<AdaptedRecord> each) throws AdapterException {
    AdaptedPage adapted = adapt(page);
    adapted.records().forEach(each);
    return new AdaptedPage(List.of(), adapted.problems(), adapted.next());
  }
}
