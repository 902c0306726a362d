package org.dpgfed.harvester.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node in a child JVM started as an operator would ({@code Main --config FILE}, settings in
 * DPG_* variables), so that tests can send it SIGTERM. Its output is collected line by line; its
 * port is read from the line announcing it.
 */
public final class ChildNode implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private ChildNode(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "child-node-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static ChildNode start(Path configFile, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.dpgfed.harvester.Main",
        "--config", configFile.toString()).redirectErrorStream(true);
    builder.environment().putAll(env);
    return new ChildNode(builder.start());
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      // the process is gone; what it printed is in lines
    }
    port.completeExceptionally(new IllegalStateException("the node exited before listening: " + lines));
  }

  /** Waits for the node to listen. */
  public String url(String path) throws Exception {
    return "http://127.0.0.1:" + port.get(90, TimeUnit.SECONDS) + path;
  }

  /** Sends SIGTERM and returns the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError("the node did not exit within 90 s of SIGTERM: " + lines);
    }
    return process.exitValue();
  }

  /** Kills the process at once, as kill -9 would, and returns the exit code. */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the node did not die within 30 s of SIGKILL");
    }
    return process.exitValue();
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
