package org.dpgfed.harvester.web.sparql;

import java.util.List;
import org.dpgfed.harvester.web.HttpError;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.algebra.Service;
import org.eclipse.rdf4j.query.algebra.helpers.AbstractQueryModelVisitor;
import org.eclipse.rdf4j.query.parser.ParsedOperation;
import org.eclipse.rdf4j.query.parser.ParsedQuery;

/**
 * SERVICE makes this node call another host on a stranger's behalf, so it may only name one of
 * {@code sparql.federationPeers}, written as a constant IRI exactly as configured. Checked on the
 * parsed query, before any connection is made.
 */
final class ServiceCheck {
  private ServiceCheck() {}

  static void check(ParsedOperation operation, List<String> peers) {
    if (!(operation instanceof ParsedQuery parsed)) {
      return;
    }
    parsed.getTupleExpr().visit(new AbstractQueryModelVisitor<RuntimeException>() {
      @Override
      public void meet(Service node) {
        Value endpoint = node.getServiceRef().getValue();
        if (peers.isEmpty()) {
          throw new HttpError(400, "SERVICE is not allowed on this endpoint");
        }
        if (endpoint == null || !peers.contains(endpoint.stringValue())) {
          throw new HttpError(400, "SERVICE may only call this node's federation peers (sparql.federationPeers): "
              + String.join(" ", peers));
        }
        super.meet(node);
      }
    });
  }
}
