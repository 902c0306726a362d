package org.dpgfed.harvester.cli;

import java.util.Set;
import org.dpgfed.harvester.web.admin.AdminToken;

/** {@code reset-admin-token}: a new admin token for a stopped node, printed once. */
final class ResetAdminToken implements Command {
  @Override
  public String name() {
    return "reset-admin-token";
  }

  @Override
  public String summary() {
    return "make a new admin token (node stopped)";
  }

  @Override
  public String usage() {
    return """
        usage: java -jar dpg-harvester.jar reset-admin-token [--config FILE]
        Writes a new admin token's hash to the data directory and prints the token once. The old
        token stops working. Run it while the node is stopped.""";
  }

  @Override
  public Set<String> options() {
    return Set.of("config");
  }

  @Override
  public int run(Args args) throws Exception {
    String token = AdminToken.reset(args.config().store().dataDir());
    System.out.println("New admin token (the old one no longer works):\n  " + token);
    return 0;
  }
}
