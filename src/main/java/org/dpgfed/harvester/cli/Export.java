package org.dpgfed.harvester.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/** {@code export --graph IRI FILE --node URL}: one graph of a running node, saved to FILE. */
final class Export implements Command {
  @Override
  public String name() {
    return "export";
  }

  @Override
  public String summary() {
    return "save one graph of a running node (gzip N-Quads) to a file";
  }

  @Override
  public String usage() {
    return """
        usage: java -jar dpg-harvester.jar export --graph IRI FILE --node URL [--token TOKEN]
        Saves one named graph of the node at URL to FILE as gzip-compressed N-Quads, for example one
        source's graph, BASE/graph/source/ID, or the meta graph, BASE/graph/meta.
        The admin token comes from --token or DPG_ADMIN_TOKEN.""";
  }

  @Override
  public Set<String> options() {
    return Set.of("graph", "node", "token");
  }

  @Override
  public int run(Args args) throws Exception {
    String graph = URLEncoder.encode(args.required("graph"), StandardCharsets.UTF_8);
    return Backup.save(NodeClient.of(args), "/api/backup?graph=" + graph, Path.of(args.single("a FILE to write")));
  }
}
