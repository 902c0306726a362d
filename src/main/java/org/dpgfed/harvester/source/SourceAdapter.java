package org.dpgfed.harvester.source;

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
}
