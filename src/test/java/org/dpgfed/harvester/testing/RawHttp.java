package org.dpgfed.harvester.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written (odd paths, control characters, any body), optionally from
 * another loopback address, and reads the status line and headers.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A status code and the response head as text. */
  public record Answer(int status, String head) {
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
          return line.substring(name.length() + 1).trim();
        }
      }
      return null;
    }
  }

  public static int status(int port, String method, String rawTarget, String... headers) {
    return send("127.0.0.1", port, method, rawTarget, null, headers).status();
  }

  /**
   * @param from the local loopback address to connect from (127.0.0.1, 127.0.0.2, ...)
   * @param body bytes sent after the head with a Content-Length, or null
   */
  public static Answer send(String from, int port, String method, String rawTarget, byte[] body, String... headers) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(60_000);
      StringBuilder request = new StringBuilder(method + " " + rawTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      if (body != null) {
        request.append("Content-Length: ").append(body.length).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      try {
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException e) {
        // the server may answer (413) and close before reading the whole body; its answer is still there
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    in.readAllBytes();
    String text = head.toString();
    if (text.length() < 12) {
      throw new IOException("no HTTP answer: '" + text + "'");
    }
    return new Answer(Integer.parseInt(text.substring(9, 12)), text);
  }
}
