package org.dpgfed.harvester.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The facts of the machine a benchmark ran on. */
final class Machine {
  private Machine() {}

  static String describe() {
    String memory = "?";
    try {
      memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    } catch (Exception e) {
      // not Linux
    }
    return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores; " + memory + "; "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + "; "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; " + java.time.LocalDate.now();
  }
}
