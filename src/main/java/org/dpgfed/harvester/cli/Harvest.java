package org.dpgfed.harvester.cli;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** {@code harvest SOURCE_ID --node URL}: starts a run on a running node and waits for its end. */
final class Harvest implements Command {
  @Override
  public String name() {
    return "harvest";
  }

  @Override
  public String summary() {
    return "harvest a source on a running node now and wait for the run";
  }

  @Override
  public String usage() {
    return """
        usage: java -jar dpg-harvester.jar harvest SOURCE_ID --node URL [--token TOKEN]
        Starts a run of the source on the node at URL (or joins the one under way), waits for it to
        end and prints it. The admin token comes from --token or DPG_ADMIN_TOKEN.
        Exit code 0 when the run succeeded or found nothing changed, 1 when it failed.""";
  }

  @Override
  public Set<String> options() {
    return Set.of("node", "token");
  }

  @Override
  public int run(Args args) throws Exception {
    String source = args.single("a SOURCE_ID");
    NodeClient node = NodeClient.of(args);
    JsonObject run = node.postJson("/api/sources/" + URLEncoder.encode(source, StandardCharsets.UTF_8) + "/harvest");
    System.out.println("run " + run.getString("id") + " of " + source + " started");
    while (!run.getString("status").matches("succeeded|unchanged|failed")) {
      run = node.getJson("/api/runs/" + run.getString("id") + "?wait=PT1M"); // the node answers when the run ends
    }
    System.out.println(describe(run));
    return run.getString("status").equals("failed") ? 1 : 0;
  }

  private static String describe(JsonObject run) {
    StringBuilder text = new StringBuilder("run " + run.getString("id") + ": " + run.getString("status"));
    for (String count : new String[] {"records", "triples", "added", "removed", "invalid"}) {
      if (run.getValue(count) != null) {
        text.append(", ").append(count).append(' ').append(run.getValue(count));
      }
    }
    if (run.getString("error") != null) {
      text.append("\nerror: ").append(run.getString("error"));
    }
    return text.toString();
  }
}
