package org.dpgfed.harvester.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses a harvest may reach. Unless private networks are allowed, a host that resolves
 * to loopback, private, link-local, shared, reserved or multicast space is refused, so a
 * registered source cannot be used to probe the node's own network. Hosts the operator listed in
 * {@code harvest.allowedHosts} are exempt by name. Blocking (DNS): call from a worker.
 */
public final class AddressPolicy {
  private final boolean allowPrivate;
  private final Set<String> allowedHosts;

  public AddressPolicy(boolean allowPrivate, List<String> allowedHosts) {
    this.allowPrivate = allowPrivate;
    this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /**
   * @throws FetchException when the host resolves to a forbidden address
   * @throws UnknownHostException when it does not resolve
   */
  public void check(String host) throws UnknownHostException {
    if (allowPrivate || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return;
    }
    for (InetAddress address : InetAddress.getAllByName(host)) {
      if (forbidden(address)) {
        throw new FetchException("refused: " + host + " resolves to " + address.getHostAddress()
            + ", a loopback, private or reserved address (harvest.allowPrivateNetworks is false)", false);
      }
    }
  }

  /** Whether an address is outside the public internet. */
  static boolean forbidden(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    return a instanceof Inet4Address ? forbiddenV4(b) : forbiddenV6(b);
  }

  private static boolean forbiddenV4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    int third = b[2] & 0xff;
    return first == 0 || first == 10 || first == 127 || first >= 224
        || first == 100 && second >= 64 && second < 128      // shared 100.64/10
        || first == 169 && second == 254                     // link-local
        || first == 172 && second >= 16 && second < 32       // private
        || first == 192 && second == 168                     // private
        || first == 192 && second == 0 && (third == 0 || third == 2) // IETF, TEST-NET-1
        || first == 198 && (second == 18 || second == 19)    // benchmarking
        || first == 198 && second == 51 && third == 100      // TEST-NET-2
        || first == 203 && second == 0 && third == 113;      // TEST-NET-3
  }

  private static boolean forbiddenV6(byte[] b) {
    if ((b[0] & 0xfe) == 0xfc || (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d
        && (b[3] & 0xff) == 0xb8) {
      return true; // unique local fc00::/7, documentation 2001:db8::/32
    }
    boolean compatible = isZero(b, 0, 12);                                         // ::a.b.c.d
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);                              // 64:ff9b::a.b.c.d
    boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;            // 2002:a.b.c.d::
    if (compatible || nat64) {
      return forbiddenV4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    return sixToFour && forbiddenV4(new byte[] {b[2], b[3], b[4], b[5]});
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
