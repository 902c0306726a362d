package org.dpgfed.harvester.cli;

import java.nio.file.Path;
import java.util.Set;
import org.dpgfed.harvester.backup.Snapshot;

/** {@code restore FILE}: loads a backup into the (empty) data directory of a stopped node. */
final class Restore implements Command {
  @Override
  public String name() {
    return "restore";
  }

  @Override
  public String summary() {
    return "load a backup into an empty data directory (node stopped)";
  }

  @Override
  public String usage() {
    return """
        usage: java -jar dpg-harvester.jar restore FILE [--config FILE]
        Loads a snapshot made by `backup` into the data directory of the settings (store.dataDir,
        DPG_DATA_DIR), which must be empty or absent. Start the node afterwards: it has the same
        sources, run history and data. The admin token is not part of a backup.""";
  }

  @Override
  public Set<String> options() {
    return Set.of("config");
  }

  @Override
  public int run(Args args) throws Exception {
    Path file = Path.of(args.single("the backup FILE"));
    Path dataDir = args.config().store().dataDir();
    long quads = Snapshot.restore(file, dataDir);
    System.out.println("restored " + quads + " quads into " + dataDir);
    return 0;
  }
}
