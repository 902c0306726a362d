package org.dpgfed.harvester.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpgfed.harvester.config.ConfigException;

/** Picks the command named by the first word ({@code serve} when there is none) and runs it. */
public final class Commands {
  /** What {@code serve} returns: the node runs on; the process must not exit. */
  public static final int KEEP_RUNNING = -1;

  private final Map<String, Command> byName = new LinkedHashMap<>();
  private final Map<String, String> env;

  Commands(List<Command> commands, Map<String, String> env) {
    commands.forEach(c -> byName.put(c.name(), c));
    this.env = env;
  }

  public static Commands standard() {
    return new Commands(List.of(new Serve(), new Harvest(), new Validate(), new Backup(), new Export(), new Restore(),
        new ResetAdminToken()), System.getenv());
  }

  public int run(String... argv) {
    List<String> words = Arrays.asList(argv);
    if (!words.isEmpty() && (words.get(0).equals("--help") || words.get(0).equals("-h") || words.get(0).equals("help"))) {
      System.out.println(overview());
      return 0;
    }
    boolean named = !words.isEmpty() && !words.get(0).startsWith("-");
    Command command = byName.get(named ? words.get(0) : "serve");
    if (command == null) {
      System.err.println("dpg-harvester: unknown command '" + words.get(0) + "'\n" + overview());
      return 2;
    }
    return run(command, named ? words.subList(1, words.size()) : words);
  }

  private int run(Command command, List<String> words) {
    try {
      Args args = Args.parse(words, command.options(), env);
      if (args.help()) {
        System.out.println(command.usage());
        return 0;
      }
      return command.run(args);
    } catch (UsageException e) {
      System.err.println("dpg-harvester " + command.name() + ": " + e.getMessage() + "\n" + command.usage());
      return 2;
    } catch (ConfigException e) {
      System.err.println("dpg-harvester: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("dpg-harvester " + command.name() + ": " + e.getMessage());
      return 1;
    }
  }

  private String overview() {
    StringBuilder text = new StringBuilder("usage: java -jar dpg-harvester.jar [COMMAND] [OPTIONS]\n\ncommands:\n");
    byName.values().forEach(c -> text.append("  %-18s %s%n".formatted(c.name(), c.summary())));
    text.append("""

        Without a command the node starts (serve). COMMAND --help shows a command's options.
        Every setting a.bC can be overridden by the environment variable DPG_A_B_C.
        Exit codes: 0 done, 1 failed, 2 wrong command line or settings.""");
    return text.toString();
  }
}
