package org.dpgfed.harvester.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpgfed.harvester.config.Config;
import org.dpgfed.harvester.config.ConfigException;
import org.dpgfed.harvester.config.ConfigLoader;

/**
 * A command's words: positional arguments and {@code --name value} options.
 *
 * @param env the environment (settings and the admin token for commands that talk to a node)
 */
record Args(List<String> positional, Map<String, String> options, boolean help, Map<String, String> env) {

  static Args parse(List<String> words, Set<String> allowed, Map<String, String> env) {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    boolean help = false;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("--help") || word.equals("-h")) {
        help = true;
      } else if (word.startsWith("--")) {
        String name = word.substring(2);
        if (!allowed.contains(name)) {
          throw new UsageException("unknown option " + word);
        }
        if (i + 1 >= words.size()) {
          throw new UsageException(word + " needs a value");
        }
        options.put(name, words.get(++i));
      } else {
        positional.add(word);
      }
    }
    return new Args(List.copyOf(positional), Map.copyOf(options), help, env);
  }

  /** The only positional argument, named {@code what} in the message when it is missing. */
  String single(String what) {
    if (positional.size() != 1) {
      throw new UsageException(positional.isEmpty() ? "give " + what : "too many arguments: " + positional);
    }
    return positional.get(0);
  }

  String required(String option) {
    String value = options.get(option);
    if (value == null) {
      throw new UsageException("--" + option + " is required");
    }
    return value;
  }

  /** The settings: {@code --config FILE}, else config/harvester.yaml when present, else the defaults; then the environment. */
  Config config() {
    String given = options.get("config");
    if (given != null && !Files.isRegularFile(Path.of(given))) {
      throw new ConfigException("--config " + given + ": no such file");
    }
    Path standard = Path.of("config", "harvester.yaml");
    Path file = given != null ? Path.of(given) : Files.isRegularFile(standard) ? standard : null;
    return ConfigLoader.load(file, env);
  }
}
