package org.dpgfed.harvester.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server in its own JVM (ours or Fuseki), on 127.0.0.1, with its GC log for the peak heap. */
final class Child implements AutoCloseable {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  final Process process;
  final String base;
  private final Path gcLog;

  private Child(Process process, String base, Path gcLog) {
    this.process = process;
    this.base = base;
    this.gcLog = gcLog;
  }

  /**
   * A port free now on 127.0.0.1 (fixed ports would meet another benchmark on the same machine,
   * whose server would then answer our readiness checks).
   */
  static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The JVM settings {@link #start} gives a child, for the table. */
  static String jvm(String heap) {
    return "java " + System.getProperty("java.version") + " -Xmx" + heap + ", default GC and flags";
  }

  /** Our node's main class. */
  static final String OUR_MAIN = "org.dpgfed.harvester.Main";

  static Child start(String heap, String mainClass, List<String> args, Map<String, String> env, int port, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Path gcLog = dir.resolve("gc-" + port + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-Xlog:gc:file=" + gcLog));
    // extra options for our nodes only (not the reference server, which lives in our bench package),
    // e.g. a flight recording: -Dbench.jvmArgs=-XX:StartFlightRecording=filename=x.jfr
    String extra = System.getProperty("bench.jvmArgs", "").strip();
    if (!extra.isEmpty() && mainClass.equals(OUR_MAIN)) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child-" + port + ".log").toFile());
    builder.environment().putAll(env);
    return new Child(builder.start(), "http://127.0.0.1:" + port, gcLog);
  }

  /** Waits until {@code path} answers 200 (a benchmark may poll); returns the seconds it took. */
  double awaitReady(String path, long startNanos) throws Exception {
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the child process ended with " + process.exitValue());
      }
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return (System.nanoTime() - startNanos) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet, or a request lost while starting (then the timeout ends it)
      }
      Thread.sleep(20);
    }
  }

  /** The largest heap in use before a collection, from the GC log, in MiB. */
  long peakHeapMiB() throws IOException {
    return peakFromGcLog(1, 0);
  }

  /** The peak heap from the GC log's line {@code from} on (see {@link #gcLogLines()}), in MiB. */
  long peakHeapMiBSince(int from) throws IOException {
    return peakFromGcLog(1, from);
  }

  /** How many lines the GC log has now: a mark for {@link #peakHeapMiBSince}. */
  int gcLogLines() throws IOException {
    return Files.readAllLines(gcLog).size();
  }

  /** The largest heap still in use after a collection (what the node kept alive), in MiB. */
  long peakLiveHeapMiB() throws IOException {
    return peakFromGcLog(2, 0);
  }

  private long peakFromGcLog(int group, int from) throws IOException {
    long peak = 0;
    List<String> lines = Files.readAllLines(gcLog);
    for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
      Matcher m = GC.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(group)));
      }
    }
    return peak;
  }

  /** The peak resident set size, in MiB (Linux). */
  long peakRssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
