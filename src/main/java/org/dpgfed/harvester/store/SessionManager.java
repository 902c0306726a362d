package org.dpgfed.harvester.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.apache.http.client.HttpClient;
import org.eclipse.rdf4j.http.client.HttpClientSessionManager;
import org.eclipse.rdf4j.http.client.RDF4JProtocolSession;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;
import org.eclipse.rdf4j.http.client.SharedHttpClientSessionManager;

/** RDF4J's shared HTTP client, handing out {@link TimedSession}s for a SPARQL endpoint. */
final class SessionManager implements HttpClientSessionManager {
  private final SharedHttpClientSessionManager shared = new SharedHttpClientSessionManager();
  private final ExecutorService results = Executors.newCachedThreadPool(daemon("sparql-results"));
  private final ScheduledExecutorService aborter = Executors.newSingleThreadScheduledExecutor(daemon("sparql-timeout"));

  @Override
  public HttpClient getHttpClient() {
    return shared.getHttpClient();
  }

  @Override
  public SPARQLProtocolSession createSPARQLProtocolSession(String queryEndpointUrl, String updateEndpointUrl) {
    return new TimedSession(getHttpClient(), results, aborter, queryEndpointUrl, updateEndpointUrl);
  }

  @Override
  public RDF4JProtocolSession createRDF4JProtocolSession(String serverUrl) {
    return shared.createRDF4JProtocolSession(serverUrl);
  }

  @Override
  public void shutDown() {
    aborter.shutdownNow();
    results.shutdownNow();
    shared.shutDown();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
