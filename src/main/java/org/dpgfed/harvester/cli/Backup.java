package org.dpgfed.harvester.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code backup FILE --node URL}: a running node's consistent snapshot of every graph, saved to FILE. */
final class Backup implements Command {
  @Override
  public String name() {
    return "backup";
  }

  @Override
  public String summary() {
    return "save a running node's data (gzip N-Quads) to a file";
  }

  @Override
  public String usage() {
    return """
        usage: java -jar dpg-harvester.jar backup FILE --node URL [--token TOKEN]
        Asks the node at URL for a consistent snapshot of every graph (sources, run history and
        harvested data) while it serves, and saves it to FILE as gzip-compressed N-Quads.
        The admin token comes from --token or DPG_ADMIN_TOKEN. Restore it with `restore FILE`.""";
  }

  @Override
  public Set<String> options() {
    return Set.of("node", "token");
  }

  @Override
  public int run(Args args) throws Exception {
    return save(NodeClient.of(args), "/api/backup", Path.of(args.single("a FILE to write")));
  }

  /** Saves what the node answers at {@code path} to {@code file} and says how large it is. */
  static int save(NodeClient node, String path, Path file) throws Exception {
    node.postToFile(path, file);
    System.out.println(file + ": " + Files.size(file) + " bytes");
    return 0;
  }
}
