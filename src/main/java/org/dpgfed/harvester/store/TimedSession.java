package org.dpgfed.harvester.store;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.http.NameValuePair;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.message.BasicNameValuePair;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;
import org.eclipse.rdf4j.query.Binding;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.QueryLanguage;

/**
 * The SPARQL protocol with a query's time limit ({@code setMaxExecutionTime}) kept on both
 * sides: sent as the {@code timeout} parameter (seconds), which Apache Jena Fuseki honours and
 * other servers ignore, and enforced here by aborting the HTTP request when the time is up, so
 * the caller's thread and connection are freed even if the server goes on evaluating.
 */
final class TimedSession extends SPARQLProtocolSession {
  static final String TIMEOUT_PARAMETER = "timeout";

  private final ScheduledExecutorService aborter;
  private final Queue<Future<?>> aborts = new ConcurrentLinkedQueue<>();

  TimedSession(HttpClient client, ExecutorService executor, ScheduledExecutorService aborter, String queryUrl,
      String updateUrl) {
    super(client, executor);
    this.aborter = aborter;
    setQueryURL(queryUrl);
    setUpdateURL(updateUrl);
  }

  @Override
  protected List<NameValuePair> getQueryMethodParameters(QueryLanguage ql, String query, String baseURI,
      Dataset dataset, boolean includeInferred, int maxQueryTime, Binding... bindings) {
    List<NameValuePair> parameters = super.getQueryMethodParameters(ql, query, baseURI, dataset, includeInferred,
        maxQueryTime, bindings);
    if (maxQueryTime > 0) {
      parameters.add(new BasicNameValuePair(TIMEOUT_PARAMETER, String.valueOf(maxQueryTime)));
    }
    return parameters;
  }

  @Override
  protected HttpUriRequest getQueryMethod(QueryLanguage ql, String query, String baseURI, Dataset dataset,
      boolean includeInferred, int maxQueryTime, Binding... bindings) {
    HttpUriRequest request = super.getQueryMethod(ql, query, baseURI, dataset, includeInferred, maxQueryTime,
        bindings);
    if (maxQueryTime > 0) {
      aborts.add(aborter.schedule(request::abort, maxQueryTime, TimeUnit.SECONDS));
    }
    return request;
  }

  /** The connection is done with its queries: those still to be aborted need not be. */
  @Override
  public void close() {
    aborts.forEach(abort -> abort.cancel(false));
    aborts.clear();
    super.close();
  }
}
