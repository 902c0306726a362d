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

  /**
   * The URL of the first page. Most formats fetch the source's URL as it is; a {@code sparql}
   * source sends its query with the request.
   *
   * @param query the source's query, or null
   */
  default String firstPageUrl(String url, String query) {
    return url;
  }

  /** Reads one page. Record-level trouble goes into the records' problems; only an unreadable page throws. */
  AdaptedPage adapt(Page page) throws AdapterException;
}
